package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONArrayUtils;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The authorization code flow of OpenID4VCI 1.0 (§5, §6) as HAIP wallets run it: a Pushed Authorization Request
 * (RFC 9126) with PKCE S256 (RFC 7636), wallet attestation and a DPoP proof that binds the code (RFC 9449 §10);
 * the browser step, where the issuer's backend logs the person in ({@link LoginStep}); the authorization response
 * checked for {@code state} and {@code iss} (RFC 9207); the code exchanged for a DPoP-bound token. The public steps
 * let tests send deliberately broken requests.
 */
public final class AuthorizationCodeFlow {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The browser's part: given the page the authorization endpoint sent it to, returns the URI the backend sent it back to. */
    @FunctionalInterface
    public interface LoginStep {
        URI login(URI loginPage);
    }

    /**
     * What the wallet keeps between PAR and the token request; {@code codeVerifier} and {@code state} are secrets.
     *
     * @param requestUri the {@code urn:ietf:params:oauth:request_uri:...} of the pushed request
     */
    public record PushedRequest(String requestUri, long expiresIn, String codeVerifier, String state, String redirectUri,
                                String clientId) {
        @Override
        public String toString() {
            return "PushedRequest[expiresIn=" + expiresIn + "]";
        }
    }

    private final WalletClient wallet;

    public AuthorizationCodeFlow(WalletClient wallet) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
    }

    /**
     * Issuer-initiated (an offer with {@code issuer_state}) or wallet-initiated ({@code offer} null, naming
     * {@code configurationId}): PAR, login, token, nonce, one credential per new holder key.
     *
     * @param byScope ask with the configuration's {@code scope} instead of {@code authorization_details}
     */
    public IssuanceResult receive(IssuerMetadata metadata, CredentialOffer offer, String configurationId, boolean byScope,
                                  String redirectUri, LoginStep login, int batchSize) {
        String configuration = offer == null ? configurationId : offer.firstConfigurationId();
        ECKey dpopKey = WalletClient.generateKey();
        PushedRequest pushed = push(metadata, pushForm(metadata, configuration, byScope,
                offer == null ? null : offer.issuerState(), redirectUri), dpopKey);
        URI loginPage = loginPage(authorizationRequest(metadata, pushed));
        trace("the issuer's backend logs the person in at " + DPoPProofs.htu(loginPage));
        String code = code(pushed, login.login(loginPage), metadata.authorizationServerIssuer());
        TokenResponse token = redeem(metadata, pushed, code, dpopKey);
        String cNonce = metadata.nonceEndpoint() == null ? null : wallet.requestNonce(metadata);
        List<ECKey> holderKeys = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) holderKeys.add(WalletClient.generateKey());
        String identifier = credentialIdentifier(token, configuration);
        CredentialResponse credentials = identifier == null
                ? wallet.requestCredential(metadata, configuration, token.accessToken(), dpopKey, holderKeys, cNonce)
                : wallet.requestCredentialByIdentifier(metadata, configuration, identifier, token.accessToken(), dpopKey, holderKeys, cNonce);
        return new IssuanceResult(credentials.credentials(), holderKeys, token.accessToken(), dpopKey,
                credentials.notificationId(), token.json(), credentials.json(), offer, metadata);
    }

    /**
     * The PAR form (OID4VCI §5.1, RFC 9126 §2.1): response_type, client_id, redirect_uri, a fresh PKCE S256 challenge
     * and state, {@code authorization_details} or {@code scope}, and {@code issuer_state} when the offer gave one.
     * The verifier and state travel in the returned map under {@code #code_verifier} and {@code state}.
     */
    public Map<String, String> pushForm(IssuerMetadata metadata, String configurationId, boolean byScope, String issuerState,
                                        String redirectUri) {
        String verifier = Base64URL.encode(randomBytes(32)).toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("client_id", wallet.options().clientId());
        form.put("redirect_uri", redirectUri);
        form.put("code_challenge", challenge(verifier));
        form.put("code_challenge_method", "S256");
        form.put("state", Base64URL.encode(randomBytes(16)).toString());
        if (byScope) {
            form.put("scope", Objects.requireNonNull(metadata.scope(configurationId), "configuration has no scope"));
        } else {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("type", "openid_credential");
            detail.put("credential_configuration_id", configurationId);
            form.put("authorization_details", JSONArrayUtils.toJSONString(List.of(detail)));
        }
        if (issuerState != null && !issuerState.isEmpty()) form.put("issuer_state", issuerState);
        form.put("#code_verifier", verifier);
        return form;
    }

    /** Sends a PAR form (the {@code #code_verifier} entry stays with the wallet), retrying once on {@code use_dpop_nonce}. */
    public PushedRequest push(IssuerMetadata metadata, Map<String, String> form, ECKey dpopKey) {
        URI endpoint = Objects.requireNonNull(metadata.pushedAuthorizationRequestEndpoint(),
                "the authorization server has no pushed_authorization_request_endpoint");
        Map<String, String> sent = new LinkedHashMap<>(form);
        String verifier = sent.remove("#code_verifier");
        trace("POST par " + endpoint);
        HttpResult result = wallet.http().postForm(endpoint, sent, wallet.authorizationServerHeaders(metadata, endpoint, dpopKey));
        if (result.status() == 400 && result.header(WalletHttp.DPOP_NONCE).isPresent()
                && "use_dpop_nonce".equals(WalletClient.errorCodeOf(result))) {
            trace("PAR endpoint asked for a DPoP nonce, retrying once");
            result = wallet.http().postForm(endpoint, sent, wallet.authorizationServerHeaders(metadata, endpoint, dpopKey));
        }
        Map<String, Object> json = result.requireSuccess("pushed authorization request").json();
        if (result.status() != 201) throw new WalletException("PAR answered " + result.status() + ", not 201");
        Object expiresIn = json.get("expires_in");
        return new PushedRequest(Json.string(json, "request_uri", true), expiresIn instanceof Number n ? n.longValue() : 0,
                verifier, sent.get("state"), sent.get("redirect_uri"), sent.get("client_id"));
    }

    /** The authorization request URL: only client_id and request_uri (RFC 9126 §4). */
    public URI authorizationRequest(IssuerMetadata metadata, PushedRequest pushed) {
        URI endpoint = Objects.requireNonNull(metadata.authorizationEndpoint(), "the authorization server has no authorization_endpoint");
        return URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + "client_id=" + encode(pushed.clientId())
                + "&request_uri=" + encode(pushed.requestUri()));
    }

    /** What a browser does first: GET the authorization request and follow the redirect to the login page. */
    public URI loginPage(URI authorizationRequest) {
        trace("GET authorize " + DPoPProofs.htu(authorizationRequest));
        HttpResult result = wallet.http().get(authorizationRequest, "text/html");
        String location = result.header("Location").orElse(null);
        if (result.status() / 100 != 3 || location == null) {
            throw new WalletException("authorization endpoint answered " + result.status() + " without a redirect");
        }
        return URI.create(location);
    }

    /**
     * Reads the authorization response (RFC 6749 §4.1.2): the redirect URI registered at PAR, the same {@code state},
     * {@code iss} equal to the AS issuer (RFC 9207 §2.4), and a code; an error response becomes a {@link WalletException}.
     */
    public String code(PushedRequest pushed, URI response, String expectedIssuer) {
        String text = response.toString();
        if (!text.startsWith(pushed.redirectUri())) throw new WalletException("authorization response is not at the redirect_uri");
        Map<String, String> query = query(response.getRawQuery());
        if (!expectedIssuer.equals(query.get("iss"))) throw new WalletException("authorization response iss differs from the AS issuer");
        if (!Objects.equals(pushed.state(), query.get("state"))) throw new WalletException("authorization response state differs");
        if (query.containsKey("error")) {
            throw new WalletException("authorization", 0, query.get("error"), query.get("error_description"), null);
        }
        String code = query.get("code");
        if (code == null || code.isEmpty()) throw new WalletException("authorization response has no code");
        trace("authorization code received");
        return code;
    }

    /** The authorization code Token Request (RFC 6749 §4.1.3, RFC 7636 §4.5), with DPoP and wallet attestation. */
    public TokenResponse redeem(IssuerMetadata metadata, PushedRequest pushed, String code, ECKey dpopKey) {
        return wallet.requestToken(metadata, tokenForm(pushed, code, pushed.codeVerifier()), dpopKey);
    }

    /** The token form, for tests that send another verifier. */
    public static Map<String, String> tokenForm(PushedRequest pushed, String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", pushed.redirectUri());
        form.put("code_verifier", codeVerifier);
        form.put("client_id", pushed.clientId());
        return form;
    }

    /** OID4VCI §6.2: the identifier of the configuration when the token response carries authorization_details. */
    static String credentialIdentifier(TokenResponse token, String configurationId) {
        if (!(token.json().get("authorization_details") instanceof List<?> details)) return null;
        for (Object detail : details) {
            if (detail instanceof Map<?, ?> d && configurationId.equals(d.get("credential_configuration_id"))
                    && d.get("credential_identifiers") instanceof List<?> ids && !ids.isEmpty() && ids.get(0) instanceof String id) {
                return id;
            }
        }
        return null;
    }

    /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
    public static String challenge(String verifier) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded query parameters (first value of each). */
    public static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null) return values;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void trace(String line) {
        wallet.options().trace().accept(line);
    }
}
