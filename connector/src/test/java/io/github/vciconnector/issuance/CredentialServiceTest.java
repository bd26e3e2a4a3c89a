package io.github.vciconnector.issuance;

import io.github.vciconnector.support.TestStatusLists;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.session.OfferId;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.issuance.keyattestation.KeyAttestationProperties;
import io.github.vciconnector.issuance.keyattestation.KeyAttestationVerifier;
import io.github.vciconnector.keys.SigningKey;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.keys.X509ChainValidator;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.metadata.TypeMetadata;
import io.github.vciconnector.oauth.AuthorizedWallet;
import io.github.vciconnector.oauth.TestTokenEndpoints;
import io.github.vciconnector.sdjwt.SdJwtVcIssuer;
import io.github.vciconnector.session.CredentialsIssued;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.Race;
import io.github.vciconnector.session.ServerSecrets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Credential Endpoint logic (OID4VCI 1.0 §8) with a wallet authorised by a real token, real key proofs over real
 * c_nonces and a real SD-JWT VC signer: the configuration must be the offer's (VCI-TOK-9), the offer must still
 * issue, batch size and max-credentials-per-offer (VCI-MD-10, VCI-CRS-6), and a failed signing ends the offer FAILED.
 */
class CredentialServiceTest {

    private static final int BATCH_SIZE = 3;
    private static final int MAX_PER_OFFER = 4;
    private static final SigningKey ISSUER_KEY = issuerKey();
    /** Read once: the relaxation is logged each time it is built. */
    private static final X509ChainValidator DEVELOPMENT_ANCHORS = X509ChainValidator.forSetting(
            KeyAttestationProperties.TRUST_ANCHORS_VARIABLE, List.of(), "key attestations", Instant.now());

    private final TestTokenEndpoints endpoints = new TestTokenEndpoints();
    private final IssuanceProperties properties = new IssuanceProperties(Duration.ofMinutes(5), Duration.ofMinutes(5),
            Duration.ofSeconds(15), BATCH_SIZE, MAX_PER_OFFER);
    private final CNonces cNonces = new CNonces(endpoints.store, ServerSecrets.random(new SecureRandom()),
            new SecureRandom(), endpoints.clock, properties);
    private final CredentialService service = service();
    private final TestTokenEndpoints.Offer offer = endpoints.offer(null);
    private final String token = endpoints.accessToken(offer);

    @Test
    void issueWhenOneProofThenOneCredentialBoundToItsKeyAndOfferIsIssued() throws Exception {
        var holder = TestTokenEndpoints.generateKey();

        CredentialResponse response = service.issue(wallet(), request("IdentityCredential", cNonces.issue(), holder));

        assertThat(response.credentials()).hasSize(1);
        assertThat(holderKeyOf(response.credentials().get(0))).isEqualTo(TestTokenEndpoints.thumbprint(holder));
        var session = endpoints.session(offer.offerId());
        assertThat(session.status()).isEqualTo(OfferStatus.ISSUED);
        assertThat(session.credentialsIssued()).isEqualTo(1);
        assertThat(session.notificationId()).isNotNull().isEqualTo(response.notificationId());
        assertThat(session.claims()).as("kept for repeat requests (VCI-CRS-6)").isNotNull();
        assertThat(endpoints.events(CredentialsIssued.class)).containsExactly(
                new CredentialsIssued(offer.offerId(), "IdentityCredential", 1, TestTokenEndpoints.START));
    }

    @Test
    void issueWhenBatchOfProofsThenOneCredentialPerKeyInKeyOrder() throws Exception {
        var keys = List.of(TestTokenEndpoints.generateKey(), TestTokenEndpoints.generateKey(), TestTokenEndpoints.generateKey());

        CredentialResponse response = service.issue(wallet(), request("IdentityCredential", cNonces.issue(), keys.toArray(ECKey[]::new)));

        // EUDI-6: the n-th credential is bound to the n-th key; VCI-CRS-8: each has its own cnf.jwk
        var bound = new ArrayList<String>();
        for (String credential : response.credentials()) bound.add(holderKeyOf(credential));
        assertThat(bound).containsExactlyElementsOf(keys.stream().map(TestTokenEndpoints::thumbprint).toList());
        assertThat(endpoints.session(offer.offerId()).credentialsIssued()).isEqualTo(3);
    }

    @Test
    void issueWhenMoreProofsThanBatchSizeThenInvalidProofAndNothingIssued() {
        String nonce = cNonces.issue();
        var keys = new ECKey[BATCH_SIZE + 1];
        for (int i = 0; i < keys.length; i++) keys[i] = TestTokenEndpoints.generateKey();

        assertRefused(() -> service.issue(wallet(), request("IdentityCredential", nonce, keys)),
                CredentialError.INVALID_PROOF, "more proofs than batch_size " + BATCH_SIZE);
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.TOKEN_ISSUED);
        assertThat(cNonces.consume(nonce)).as("the c_nonce was not spent").isTrue();
    }

    @Test
    void issueWhenConfigurationIsNotTheOffersThenDeniedBeforeTheNonceIsSpent() {
        String nonce = cNonces.issue();

        // VCI-TOK-9: the access token covers only the configuration of its offer
        assertRefused(() -> service.issue(wallet(), request("OtherCredential", nonce, TestTokenEndpoints.generateKey())),
                CredentialError.CREDENTIAL_REQUEST_DENIED, "the access token does not cover this credential configuration");
        assertThat(cNonces.consume(nonce)).isTrue();
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.TOKEN_ISSUED);
    }

    @Test
    void issueWhenConfigurationIsUnknownThenUnknownCredentialConfiguration() {
        assertRefused(() -> service.issue(wallet(), request("NoSuchCredential", cNonces.issue(), TestTokenEndpoints.generateKey())),
                CredentialError.UNKNOWN_CREDENTIAL_CONFIGURATION, "credential_configuration_id is unknown");
    }

    @Test
    void issueWhenCredentialIdentifierIsSentThenUnknownCredentialIdentifier() {
        var request = new CredentialRequest(null, "some-identifier", proofs(cNonces.issue(), TestTokenEndpoints.generateKey()));

        assertRefused(() -> service.issue(wallet(), request), CredentialError.UNKNOWN_CREDENTIAL_IDENTIFIER,
                "credential_identifier is unknown");
    }

    @Test
    void issueWhenOfferWasCancelledThenDeniedBeforeTheNonceIsSpent() {
        endpoints.store.transition(new OfferId(offer.offerId()), s -> Optional.of(s.ended(OfferStatus.CANCELLED, "backend", endpoints.clock.instant())));
        String nonce = cNonces.issue();

        assertRefused(() -> service.issue(wallet(), request("IdentityCredential", nonce, TestTokenEndpoints.generateKey())),
                CredentialError.CREDENTIAL_REQUEST_DENIED, "the offer ended or its access token expired");
        assertThat(cNonces.consume(nonce)).isTrue();
    }

    @Test
    void issueWhenOfferIsCancelledAfterTheTokenCheckThenTheWriteRefusesAndNothingIsIssued() {
        AuthorizedWallet wallet = wallet();
        endpoints.store.transition(new OfferId(offer.offerId()), s -> Optional.of(s.ended(OfferStatus.CANCELLED, "backend", endpoints.clock.instant())));

        assertRefused(() -> service.issue(wallet, request("IdentityCredential", cNonces.issue(), TestTokenEndpoints.generateKey())),
                CredentialError.CREDENTIAL_REQUEST_DENIED, "the offer ended or its access token expired");
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.CANCELLED);
        assertThat(endpoints.events(CredentialsIssued.class)).isEmpty();
    }

    @Test
    void issueWhenWalletNotifiedItIsDoneThenDenied() {
        service.issue(wallet(), request("IdentityCredential", cNonces.issue(), TestTokenEndpoints.generateKey()));
        var notificationId = endpoints.session(offer.offerId()).notificationId();
        new NotificationService(endpoints.store).notify(wallet(),
                new NotificationRequest(notificationId, NotificationEvent.CREDENTIAL_ACCEPTED, null));

        assertRefused(() -> service.issue(wallet(), request("IdentityCredential", cNonces.issue(), TestTokenEndpoints.generateKey())),
                CredentialError.CREDENTIAL_REQUEST_DENIED, "issuance for this offer was ended by the wallet's notification or the backend");
        assertThat(endpoints.session(offer.offerId()).credentialsIssued()).isEqualTo(1);
    }

    @Test
    void issueWhenAskedAgainOnTheSameTokenThenCountedUpToTheLimitWithOneNotificationId() {
        var first = service.issue(wallet(), request("IdentityCredential", cNonces.issue(), keys(BATCH_SIZE)));

        assertRefused(() -> service.issue(wallet(), request("IdentityCredential", cNonces.issue(), keys(2))),
                CredentialError.CREDENTIAL_REQUEST_DENIED,
                "this request asks for 2 credential(s) but the offer allows 1 more (max-credentials-per-offer " + MAX_PER_OFFER + ")");
        var last = service.issue(wallet(), request("IdentityCredential", cNonces.issue(), keys(1)));

        assertThat(last.notificationId()).as("the same in every response").isEqualTo(first.notificationId());
        var session = endpoints.session(offer.offerId());
        assertThat(session.credentialsIssued()).isEqualTo(MAX_PER_OFFER);
        assertThat(session.outbox().events()).filteredOn(callback -> OfferStatus.ISSUED.name().equals(callback.status()))
                .as("one ISSUED callback, not one per response").hasSize(1);
        assertRefused(() -> service.issue(wallet(), request("IdentityCredential", cNonces.issue(), keys(1))),
                CredentialError.CREDENTIAL_REQUEST_DENIED,
                "this request asks for 1 credential(s) but the offer allows 0 more (max-credentials-per-offer " + MAX_PER_OFFER + ")");
    }

    @Test
    void issueWhenTwoFullBatchesRaceOnOneTokenThenOnlyOneFitsTheLimit() {
        var wallet = wallet();
        var requests = List.of(request("IdentityCredential", cNonces.issue(), keys(BATCH_SIZE)),
                request("IdentityCredential", cNonces.issue(), keys(BATCH_SIZE)));

        List<Object> outcomes = Race.run(2, i -> {
            try {
                return service.issue(wallet, requests.get(i));
            } catch (CredentialRequestException e) {
                return e.error();
            }
        });

        // the limit is checked against the count each write actually extends (compare-and-set)
        assertThat(outcomes).filteredOn(CredentialResponse.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(CredentialError.CREDENTIAL_REQUEST_DENIED::equals).hasSize(1);
        assertThat(endpoints.session(offer.offerId()).credentialsIssued()).isEqualTo(BATCH_SIZE);
    }

    @Test
    void issueWhenNonceWasUsedThenInvalidNonce() {
        String nonce = cNonces.issue();
        service.issue(wallet(), request("IdentityCredential", nonce, TestTokenEndpoints.generateKey()));

        assertRefused(() -> service.issue(wallet(), request("IdentityCredential", nonce, TestTokenEndpoints.generateKey())),
                CredentialError.INVALID_NONCE, "c_nonce is invalid, expired or used");
        assertThat(endpoints.session(offer.offerId()).credentialsIssued()).isEqualTo(1);
    }

    @Test
    void issueWhenSigningFailsThenOfferFailsWithOneEventAndNoClaimsInTheError() {
        // claims the signer refuses (a registered claim name): no credential can be made for this offer
        var broken = endpoints.offer(null, Map.of("given_name", "Erika", "vct", "urn:forged"));
        String brokenToken = endpoints.accessToken(broken);

        assertThatThrownBy(() -> service.issue(endpoints.authorize(brokenToken),
                request("IdentityCredential", cNonces.issue(), TestTokenEndpoints.generateKey())))
                .isInstanceOf(IllegalStateException.class).hasMessage("credential signing failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Erika"));

        var session = endpoints.session(broken.offerId());
        assertThat(session.status()).isEqualTo(OfferStatus.FAILED);
        assertThat(session.failureReason()).isEqualTo("credential signing failed");
        assertThat(session.claims()).isNull();
        assertThat(endpoints.events(OfferEnded.class)).containsExactly(
                new OfferEnded(broken.offerId(), OfferStatus.FAILED, "credential signing failed", TestTokenEndpoints.START));
        assertThat(endpoints.events(CredentialsIssued.class)).isEmpty();
    }

    private CredentialService service() {
        var configurations = new CredentialConfigurations(List.of(configuration("IdentityCredential", "urn:example:identity:1"),
                configuration("OtherCredential", "urn:example:other:1")));
        var keyAttestations = new KeyAttestationVerifier(DEVELOPMENT_ANCHORS, endpoints.clock,
                new KeyAttestationProperties(List.of(), Duration.ofSeconds(15)));
        // HAIP relaxed for development wallets: plain jwk proofs are accepted (DESIGN §7a)
        var proofs = new KeyProofVerifier(cNonces, keyAttestations, false, endpoints.clock, properties,
                TestTokenEndpoints.CONNECTOR.issuerIdentifier());
        return new CredentialService(configurations, proofs, new SdJwtVcIssuer(ISSUER_KEY, new SecureRandom()), endpoints.store,
                endpoints.clock, endpoints.events::add, TestTokenEndpoints.CONNECTOR, new RandomTokens(new SecureRandom()), properties,
                TestStatusLists.inMemory(endpoints.clock, TestTokenEndpoints.CONNECTOR), null);
    }

    private AuthorizedWallet wallet() {
        return endpoints.authorize(token);
    }

    private static CredentialConfiguration configuration(String id, String vct) {
        String typeMetadata = "{\"vct\":\"" + vct + "\",\"claims\":[{\"path\":[\"given_name\"]},{\"path\":[\"family_name\"]}]}";
        return new CredentialConfiguration(id, id.toLowerCase(), TypeMetadata.parse(typeMetadata.getBytes(StandardCharsets.UTF_8)),
                Duration.ofDays(365));
    }

    private CredentialRequest request(String configurationId, String nonce, ECKey... holderKeys) {
        return new CredentialRequest(configurationId, null, proofs(nonce, holderKeys));
    }

    /** One {@code openid4vci-proof+jwt} per key (OID4VCI 1.0 App. F.1), all over the same c_nonce. */
    private KeyProofs proofs(String nonce, ECKey... holderKeys) {
        var jwts = new ArrayList<String>();
        for (ECKey key : holderKeys) {
            var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("openid4vci-proof+jwt"))
                    .jwk(key.toPublicJWK()).build();
            var claims = new JWTClaimsSet.Builder().audience(TestTokenEndpoints.CONNECTOR.issuerIdentifier())
                    .issueTime(Date.from(endpoints.clock.instant())).claim("nonce", nonce).build();
            var jwt = new SignedJWT(header, claims);
            try {
                jwt.sign(new ECDSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            jwts.add(jwt.serialize());
        }
        return new KeyProofs.JwtProofs(jwts);
    }

    private static ECKey[] keys(int count) {
        var keys = new ECKey[count];
        for (int i = 0; i < count; i++) keys[i] = TestTokenEndpoints.generateKey();
        return keys;
    }

    /** The RFC 7638 thumbprint of the cnf.jwk of an SD-JWT VC whose signature verifies with the issuer key. */
    @SuppressWarnings("unchecked")
    private static String holderKeyOf(String sdJwt) throws ParseException, JOSEException {
        var jwt = SignedJWT.parse(sdJwt.substring(0, sdJwt.indexOf('~')));
        assertThat(jwt.verify(new ECDSAVerifier(ISSUER_KEY.jwk().toECPublicKey()))).isTrue();
        var cnf = (Map<String, Object>) jwt.getJWTClaimsSet().getClaim("cnf");
        return JWK.parse((Map<String, Object>) cnf.get("jwk")).computeThumbprint().toString();
    }

    private static SigningKey issuerKey() {
        var ca = TestPki.ca("Test Issuer CA");
        var leaf = TestPki.leaf("Test Issuer", ca, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        try {
            var jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) leaf.keys().getPublic()).privateKey(leaf.keys().getPrivate())
                    .keyID("issuer-key-1").x509CertChain(List.of(Base64.encode(leaf.certificate().getEncoded()))).build();
            return new SigningKey(jwk, List.of(leaf.certificate()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(ThrowingCallable call, CredentialError error, String description) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CredentialRequestException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e).hasMessage(description);
        });
    }
}
