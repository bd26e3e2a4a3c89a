package io.github.vciconnector.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.keys.X509ChainValidator;
import io.github.vciconnector.oauth.clientauth.WalletAttestationProperties;
import io.github.vciconnector.oauth.clientauth.WalletAttestationVerifier;
import io.github.vciconnector.oauth.dpop.DPoPNonces;
import io.github.vciconnector.oauth.dpop.DPoPProofVerifier;
import io.github.vciconnector.oauth.dpop.DPoPProperties;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.TxCodeAttemptLimit;
import io.github.vciconnector.session.TxCodeSpec;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import io.github.vciconnector.support.MutableClock;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The token endpoint and the resource-side token check wired as {@code OAuthConfiguration} wires them, over the real
 * in-memory store, real DPoP nonces, a relaxed (development) wallet attestation and a clock the test moves. Public,
 * so that the issuance tests get an {@link AuthorizedWallet} the only way production code gets one: a real token
 * and a real proof through {@link AccessTokenVerifier}.
 */
public final class TestTokenEndpoints {

    public static final ConnectorProperties CONNECTOR = new ConnectorProperties(URI.create("https://issuer.example.com"));
    public static final URI TOKEN_URI = CONNECTOR.endpoint(WalletProtocol.TOKEN_PATH);
    public static final URI CREDENTIAL_URI = CONNECTOR.endpoint(WalletProtocol.CREDENTIAL_PATH);
    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    public static final int TX_CODE_MAX_ATTEMPTS = 3;
    public static final Duration OFFER_TTL = Duration.ofMinutes(10);
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    /** Read once: the relaxation is logged each time it is built. */
    private static final X509ChainValidator DEVELOPMENT_ANCHORS = X509ChainValidator.forSetting(
            WalletAttestationProperties.TRUST_ANCHORS_VARIABLE, List.of(), "wallet attestations", START);

    public final MutableClock clock = new MutableClock(START);
    public final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofHours(1));
    public final List<Object> events = new CopyOnWriteArrayList<>();
    public final OfferSecrets secrets;
    public final AccessTokenIndex accessTokens;
    public final DPoPNonces nonces;
    public final DPoPProofVerifier dpop;
    public final PreAuthorizedCodeGrant grant;
    public final AccessTokenVerifier verifier;
    public final ECKey walletKey = generateKey();

    public TestTokenEndpoints() {
        var serverSecrets = ServerSecrets.random(new SecureRandom());
        secrets = new OfferSecrets(serverSecrets, new RandomTokens(new SecureRandom()));
        accessTokens = new AccessTokenIndex(serverSecrets);
        var dpopProperties = new DPoPProperties(true, Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofSeconds(15), Set.of("ES256"));
        nonces = new DPoPNonces(serverSecrets, clock, dpopProperties);
        dpop = new DPoPProofVerifier(store, nonces, clock, dpopProperties);
        // HAIP relaxed for development wallets, no anchors: a request without attestation headers passes (DESIGN §7a)
        var attestation = new WalletAttestationVerifier(
                DEVELOPMENT_ANCHORS, store, clock, new WalletAttestationProperties(List.of(), Duration.ofMinutes(5), Duration.ofSeconds(15)),
                CONNECTOR.issuerIdentifier(), false);
        grant = new PreAuthorizedCodeGrant(store, store, dpop, attestation, secrets, accessTokens,
                new TxCodeAttemptLimit(TX_CODE_MAX_ATTEMPTS), new RandomTokens(new SecureRandom()), new TokenProperties(TOKEN_LIFETIME),
                CONNECTOR, clock, events::add);
        verifier = new AccessTokenVerifier(store, dpop, accessTokens, TOKEN_LIFETIME);
    }

    /** An offer as {@code OfferService} stores it, and the pre-authorized code the wallet got for it. */
    public record Offer(String offerId, String code, String txCode) {
    }

    /** A new offer for {@code IdentityCredential}; {@code txCode} null for an offer without Transaction Code. */
    public Offer offer(String txCode) {
        return offer(txCode, Map.of("given_name", "Erika", "family_name", "Mustermann"));
    }

    /** A new offer for {@code IdentityCredential} with these claims, stored as they are (not validated). */
    public Offer offer(String txCode, Map<String, Object> claims) {
        String offerId = secrets.newOfferId();
        String code = secrets.preAuthorizedCode(offerId);
        var now = clock.instant();
        store.create(IssuanceSession.created(offerId, "IdentityCredential", claims, Sha256.base64Url(code),
                txCode == null ? null : new TxCodeSpec("numeric", txCode.length(), "sent by SMS"),
                txCode == null ? null : secrets.txCodeHash(offerId, txCode), now, now.plus(OFFER_TTL), Duration.ofHours(1)));
        return new Offer(offerId, code, txCode);
    }

    public IssuanceSession session(String offerId) {
        return store.findById(new OfferId(offerId)).orElseThrow();
    }

    /** A token request with a fresh valid DPoP proof by the wallet key. */
    public TokenRequest tokenRequest(String code, String txCode) {
        return withProof(form(code, txCode), tokenProof(walletKey));
    }

    public TokenRequest withProof(Map<String, String> form, String dpopProof) {
        return new TokenRequest(form, dpopProof == null ? List.of() : List.of(dpopProof), Map.of());
    }

    public static Map<String, String> form(String code, String txCode) {
        var form = new HashMap<String, String>();
        form.put(TokenRequest.GRANT_TYPE, WalletProtocol.PRE_AUTHORIZED_CODE_GRANT);
        if (code != null) form.put(TokenRequest.PRE_AUTHORIZED_CODE, code);
        if (txCode != null) form.put(TokenRequest.TX_CODE, txCode);
        return form;
    }

    public String tokenProof(ECKey key) {
        return proof(key, "POST", TOKEN_URI, null, nonces.current());
    }

    /** A token for a new offer without Transaction Code, bound to {@link #walletKey}. */
    public String accessToken(Offer offer) {
        return grant.exchange(tokenRequest(offer.code(), offer.txCode())).accessToken();
    }

    /** What the credential endpoint gets for a valid token and proof: the wallet as the verifier establishes it. */
    public AuthorizedWallet authorize(String accessToken) {
        return verifier.authorize("DPoP " + accessToken,
                List.of(proof(walletKey, "POST", CREDENTIAL_URI, accessToken, nonces.current())), "POST", CREDENTIAL_URI);
    }

    /** A DPoP proof (RFC 9449 §4.2) signed by {@code key}, {@code ath} included when {@code accessToken} is set. */
    public String proof(ECKey key, String htm, URI htu, String accessToken, String nonce) {
        var claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", htm)
                .claim("htu", htu.toString()).issueTime(Date.from(clock.instant()));
        if (nonce != null) claims.claim("nonce", nonce);
        if (accessToken != null) claims.claim("ath", ath(accessToken));
        return sign(key, claims.build());
    }

    public static String sign(ECKey key, JWTClaimsSet claims) {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static String ath(String accessToken) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(StandardCharsets.US_ASCII))).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey generateKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String thumbprint(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events published so far, of one type. */
    public <T> List<T> events(Class<T> type) {
        var found = new ArrayList<T>();
        for (Object event : events) if (type.isInstance(event)) found.add(type.cast(event));
        return found;
    }
}
