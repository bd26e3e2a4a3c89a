package io.github.vciconnector.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A standalone OpenID4VCI 1.0 wallet for the pre-authorized code flow with DPoP, behaving like the EUDI reference
 * wallet (standards.md R.2: EUDI-5, 9, 10, 11, 12, 15). {@link #receive} runs the whole flow; the public steps let
 * tests drive the connector one request at a time, including deliberately broken requests.
 */
public final class WalletClient {

    private final WalletHttp http;
    private final WalletOptions options;

    /** @param httpClient a JDK client, e.g. with an {@code SSLContext} trusting a development CA */
    public WalletClient(HttpClient httpClient, WalletOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.http = new WalletHttp(Objects.requireNonNull(httpClient, "httpClient"), options.requestTimeout());
    }

    /** Resolves the offer, fetches metadata, redeems the code and requests one credential per new holder key. */
    public IssuanceResult receive(String credentialOfferUri, String txCode, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        return receive(resolveOffer(credentialOfferUri), txCode, batchSize);
    }

    /** {@link #receive(String, String, int)} for an offer already resolved (a pre-authorized code offer). */
    public IssuanceResult receive(CredentialOffer offer, String txCode, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        if (offer.authorizationCodeGrant()) {
            throw new WalletException("the offer is for the authorization code grant: use AuthorizationCodeFlow");
        }
        IssuerMetadata metadata = fetchMetadata(offer.credentialIssuer());
        requireUsable(offer, metadata, batchSize);
        ECKey dpopKey = generateKey();
        TokenResponse token = requestToken(metadata, offer, txCode, dpopKey);
        String cNonce = metadata.nonceEndpoint() == null ? null : requestNonce(metadata);
        List<ECKey> holderKeys = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            holderKeys.add(generateKey());
        }
        CredentialResponse credentials = requestCredential(metadata, offer.firstConfigurationId(),
                token.accessToken(), dpopKey, holderKeys, cNonce);
        return new IssuanceResult(credentials.credentials(), holderKeys, token.accessToken(), dpopKey,
                credentials.notificationId(), token.json(), credentials.json(), offer, metadata);
    }

    /** Step a: parses the offer link and, for {@code credential_offer_uri}, GETs the offer (VCI-OFR-1). */
    public CredentialOffer resolveOffer(String credentialOfferUri) {
        CredentialOfferUri link = CredentialOfferUri.parse(credentialOfferUri);
        if (link.offerUri() == null) {
            trace("offer received by value");
            return CredentialOffer.parse(Json.parse(link.offerJson(), "credential_offer"));
        }
        trace("GET offer " + DPoPProofs.htu(link.offerUri()));
        HttpResult result = http.get(link.offerUri(), "application/json").requireSuccess("offer request");
        CredentialOffer offer = CredentialOffer.parse(result.json());
        trace("offer: issuer " + offer.credentialIssuer() + ", configurations " + offer.credentialConfigurationIds()
                + (offer.txCodeRequired() ? ", tx_code required" : ""));
        return offer;
    }

    /** Step b: Credential Issuer metadata (EUDI-2, VCI-MD-4) and Authorization Server metadata (EUDI-7). */
    public IssuerMetadata fetchMetadata(String credentialIssuer) {
        Map<String, Object> issuer = getMetadata(WellKnown.credentialIssuerMetadata(credentialIssuer));
        if (!credentialIssuer.equals(issuer.get("credential_issuer"))) {
            throw new WalletException("metadata credential_issuer differs from the offer");
        }
        String asIssuer = credentialIssuer;
        if (issuer.get("authorization_servers") instanceof List<?> servers && !servers.isEmpty()
                && servers.get(0) instanceof String first) {
            asIssuer = first;
        }
        Map<String, Object> as = getMetadata(WellKnown.authorizationServerMetadata(asIssuer));
        if (!asIssuer.equals(as.get("issuer"))) {
            throw new WalletException("authorization server metadata issuer differs");
        }
        return new IssuerMetadata(issuer, as);
    }

    /**
     * Step c: the pre-authorized code Token Request for an offer. {@code tx_code} is sent iff the offer has a
     * {@code tx_code} object (VCI-TOK-2); a required but missing one fails before any request is made.
     */
    public TokenResponse requestToken(IssuerMetadata metadata, CredentialOffer offer, String txCode, ECKey dpopKey) {
        if (offer.txCodeRequired() && txCode == null) {
            throw new WalletException("the offer requires a tx_code but none was given");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", CredentialOffer.PRE_AUTHORIZED_CODE_GRANT);
        form.put("pre-authorized_code", offer.preAuthorizedCode());
        if (offer.txCodeRequired()) {
            form.put("tx_code", txCode);
        }
        if (options.clientId() != null) {
            form.put("client_id", options.clientId());
        }
        return requestToken(metadata, form, dpopKey);
    }

    /**
     * Step c with any form: adds attestation headers and a DPoP proof, and retries once with a fresh proof on
     * 400 {@code use_dpop_nonce} carrying a {@code DPoP-Nonce} (EUDI-9). Throws {@link WalletException} on errors.
     */
    public TokenResponse requestToken(IssuerMetadata metadata, Map<String, String> form, ECKey dpopKey) {
        URI endpoint = metadata.tokenEndpoint();
        trace("POST token " + endpoint);
        HttpResult result = http.postForm(endpoint, form, tokenHeaders(metadata, endpoint, dpopKey));
        if (result.status() == 400 && result.header(WalletHttp.DPOP_NONCE).isPresent()
                && "use_dpop_nonce".equals(errorCode(result))) {
            trace("token endpoint asked for a DPoP nonce, retrying once");
            result = http.postForm(endpoint, form, tokenHeaders(metadata, endpoint, dpopKey));
        }
        TokenResponse token = TokenResponse.parse(result.requireSuccess("token request").json());
        trace("access token received, token_type " + token.tokenType() + ", expires_in " + token.expiresIn());
        return token;
    }

    /** Step d: bare POST to the Nonce Endpoint, returns {@code c_nonce} (EUDI-11). */
    public String requestNonce(IssuerMetadata metadata) {
        URI endpoint = Objects.requireNonNull(metadata.nonceEndpoint(), "issuer has no nonce_endpoint");
        trace("POST nonce " + endpoint);
        return Json.string(http.postEmpty(endpoint).requireSuccess("nonce request").json(), "c_nonce", true);
    }

    /** Step e: requests one credential per holder key, with proofs from the configured {@link KeyProofProvider}. */
    public CredentialResponse requestCredential(IssuerMetadata metadata, String configurationId, String accessToken,
                                                ECKey dpopKey, List<ECKey> holderKeys, String cNonce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credential_configuration_id", configurationId);
        body.put("proofs", keyProofsFor(metadata, configurationId).proofs(holderKeys, cNonce, metadata.credentialIssuerId()));
        return requestCredential(metadata, body, accessToken, dpopKey);
    }

    /**
     * Step e by {@code credential_identifier}, as a wallet must once the token response returned
     * {@code authorization_details} with {@code credential_identifiers} (OID4VCI §8.2).
     */
    public CredentialResponse requestCredentialByIdentifier(IssuerMetadata metadata, String configurationId, String credentialIdentifier,
                                                            String accessToken, ECKey dpopKey, List<ECKey> holderKeys, String cNonce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credential_identifier", credentialIdentifier);
        body.put("proofs", keyProofsFor(metadata, configurationId).proofs(holderKeys, cNonce, metadata.credentialIssuerId()));
        return requestCredential(metadata, body, accessToken, dpopKey);
    }

    /**
     * Step e with any body: sends {@code Authorization: DPoP} and a proof with {@code ath}, retrying once on 401
     * whose {@code WWW-Authenticate} is a DPoP {@code use_dpop_nonce} challenge with a {@code DPoP-Nonce} (EUDI-12).
     */
    public CredentialResponse requestCredential(IssuerMetadata metadata, Map<String, ?> body, String accessToken,
                                                ECKey dpopKey) {
        URI endpoint = metadata.credentialEndpoint();
        trace("POST credential " + endpoint);
        HttpResult result = http.postJson(endpoint, body, resourceHeaders(endpoint, accessToken, dpopKey));
        if (isResourceNonceChallenge(result)) {
            trace("credential endpoint asked for a DPoP nonce, retrying once");
            result = http.postJson(endpoint, body, resourceHeaders(endpoint, accessToken, dpopKey));
        }
        result.requireSuccess("credential request");
        if (!"application/json".equals(result.mediaType())) {
            throw new WalletException("credential response is not application/json");
        }
        CredentialResponse response = CredentialResponse.parse(result.json());
        trace(response.credentials().size() + " credential(s) received");
        return response;
    }

    /** A DPoP proof for a request now, with {@code ath} when a token is given and the latest server nonce. */
    public String dpopProof(String method, URI uri, ECKey dpopKey, String accessToken) {
        return DPoPProofs.builder(method, uri, dpopKey, options.clock().instant())
                .claim("ath", DPoPProofs.ath(accessToken))
                .claim("nonce", http.latestDPoPNonce())
                .build();
    }

    /** The HTTP layer, for raw requests in negative tests; it shares the remembered DPoP nonce. */
    public WalletHttp http() {
        return http;
    }

    public WalletOptions options() {
        return options;
    }

    /** A fresh P-256 key pair for DPoP or holder binding. */
    public static ECKey generateKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    private void requireUsable(CredentialOffer offer, IssuerMetadata metadata, int batchSize) {
        for (String id : offer.credentialConfigurationIds()) {
            if (metadata.credentialConfiguration(id) == null) {
                throw new WalletException("offered configuration is not in the issuer metadata: " + id);
            }
        }
        // EUDI iOS requires DPoP (EUDI-10); this wallet always uses it, so the AS must accept ES256 proofs
        if (!metadata.dpopSigningAlgorithms().contains("ES256")) {
            throw new WalletException("authorization server does not advertise ES256 in dpop_signing_alg_values_supported");
        }
        if (options.clientAttestation() != ClientAttestationProvider.NONE) {
            requireClientAttestationSupport(metadata);
        }
        if (batchSize > metadata.batchSize()) {
            throw new WalletException("issuer accepts at most " + metadata.batchSize() + " proofs per request");
        }
    }

    /** EUDI-8: a wallet with attestation-based client authentication aborts unless the AS advertises it with ES256. */
    private static void requireClientAttestationSupport(IssuerMetadata metadata) {
        if (!metadata.authorizationServerList("token_endpoint_auth_methods_supported").contains("attest_jwt_client_auth")
                || !metadata.authorizationServerList("client_attestation_signing_alg_values_supported").contains("ES256")
                || !metadata.authorizationServerList("client_attestation_pop_signing_alg_values_supported").contains("ES256")) {
            throw new WalletException("authorization server does not advertise attest_jwt_client_auth with ES256");
        }
    }

    /**
     * EUDI-4: key-attested proofs go to proof types with {@code key_attestations_required}; an issuer without it
     * (a connector relaxed for development wallets) gets plain {@code jwt} proofs, as EUDI lib 0.10.1 sends them.
     */
    private KeyProofProvider keyProofsFor(IssuerMetadata metadata, String configurationId) {
        if (!(options.keyProofs() instanceof AttestedKeyProofs attested)) {
            return options.keyProofs();
        }
        String proofType = attested.attestationProofType() ? "attestation" : "jwt";
        if (metadata.proofTypes(configurationId).get(proofType) instanceof Map<?, ?> type
                && type.get("key_attestations_required") instanceof Map) {
            return attested;
        }
        trace("issuer does not require key attestation for " + proofType + ", sending plain jwt proofs");
        return new JwtKeyProofs(options.clientId(), options.clock());
    }

    private Map<String, Object> getMetadata(URI uri) {
        trace("GET metadata " + uri);
        HttpResult result = http.get(uri, "application/json").requireSuccess("metadata request");
        if (!"application/json".equals(result.mediaType())) {
            throw new WalletException("metadata at " + uri + " is not application/json");
        }
        return result.json();
    }

    /** The headers of a request to the AS (token, PAR): wallet attestation and a DPoP proof for {@code endpoint}. */
    public Map<String, String> authorizationServerHeaders(IssuerMetadata metadata, URI endpoint, ECKey dpopKey) {
        return tokenHeaders(metadata, endpoint, dpopKey);
    }

    /** The {@code error} of an error response, or null. */
    static String errorCodeOf(HttpResult result) {
        return errorCode(result);
    }

    private Map<String, String> tokenHeaders(IssuerMetadata metadata, URI endpoint, ECKey dpopKey) {
        Map<String, String> headers = new LinkedHashMap<>(
                options.clientAttestation().headers(metadata.authorizationServerIssuer()));
        headers.put("DPoP", dpopProof("POST", endpoint, dpopKey, null));
        return headers;
    }

    private Map<String, String> resourceHeaders(URI endpoint, String accessToken, ECKey dpopKey) {
        return Map.of("Authorization", "DPoP " + accessToken,
                "DPoP", dpopProof("POST", endpoint, dpopKey, accessToken));
    }

    private static boolean isResourceNonceChallenge(HttpResult result) {
        String challenge = String.join(", ", result.headers().allValues("WWW-Authenticate"));
        return result.status() == 401 && challenge.contains("DPoP") && challenge.contains("error=\"use_dpop_nonce\"")
                && result.header(WalletHttp.DPOP_NONCE).isPresent();
    }

    private static String errorCode(HttpResult result) {
        try {
            return result.json().get("error") instanceof String error ? error : null;
        } catch (WalletException e) {
            return null;
        }
    }

    private void trace(String line) {
        options.trace().accept(line);
    }
}
