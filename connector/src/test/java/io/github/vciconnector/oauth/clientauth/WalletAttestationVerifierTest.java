package io.github.vciconnector.oauth.clientauth;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.WalletAttestations;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.keys.X509ChainValidator;
import io.github.vciconnector.oauth.TokenRequest;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ABCA checks without HTTP (ABCA-1..5), including the relaxed mode that must never ignore a bad attestation. */
class WalletAttestationVerifierTest {

    static final String ISSUER = "https://issuer.example";
    static final TestPki.Issued CA = TestPki.ca("Unit Wallet Provider CA");
    static final WalletProvider PROVIDER = new WalletProvider(CA.certificate(), CA.keys().getPrivate(), Clock.systemUTC());
    static final WalletAttestationProperties PROPERTIES = new WalletAttestationProperties(List.of(), Duration.ofMinutes(5), Duration.ofSeconds(15));

    private final ECKey instanceKey = WalletClient.generateKey();
    private final WalletAttestations attestations = new WalletAttestations(PROVIDER, "wallet", instanceKey, true, Clock.systemUTC());

    @Test
    void authenticateWhenOptionalAndHeadersAbsentThenAnonymousAccepted() {
        assertThatCode(() -> authenticate(verifier(false), request(Map.of(), null))).doesNotThrowAnyException();
    }

    @Test
    void authenticateWhenOptionalAndAttestationPresentButBadThenInvalidClient() {
        String pop = attestations.pop("https://elsewhere.example").build();
        assertRefused(verifier(false), request(headers(attestations.attestation(), pop), null),
                "client attestation PoP aud must be the issuer identifier");
    }

    @Test
    void authenticateWhenDraft07HeadersAndClientIdThenAccepted() {
        assertThatCode(() -> authenticate(verifier(true), request(lowerCase(attestations.headers(ISSUER)), "wallet")))
                .doesNotThrowAnyException();
    }

    @Test
    void authenticateWhenAudienceIsSingleElementArrayThenAccepted() {
        String pop = attestations.pop(ISSUER).claim("aud", List.of(ISSUER)).build();
        assertThatCode(() -> authenticate(verifier(true), request(headers(attestations.attestation(), pop), null)))
                .doesNotThrowAnyException();
    }

    @Test
    void authenticateWhenTwoAttestationHeadersThenInvalidClient() {
        var headers = Map.of(WalletAttestationVerifier.ATTESTATION_HEADER, List.of(attestations.attestation(), attestations.attestation()),
                WalletAttestationVerifier.POP_HEADER, List.of(attestations.pop(ISSUER).build()));
        assertRefused(verifier(true), new TokenRequest(Map.of(), List.of(), headers), "exactly one OAuth-Client-Attestation header is required");
    }

    @Test
    void authenticateWhenPoPIssDiffersFromSubThenInvalidClient() {
        String pop = attestations.pop(ISSUER).claim("iss", "someone-else").build();
        assertRefused(verifier(true), request(headers(attestations.attestation(), pop), null), "client attestation PoP iss does not match sub");
    }

    @Test
    void authenticateWhenPoPOlderThanMaxAgeThenInvalidClient() {
        long old = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        String pop = attestations.pop(ISSUER).claim("iat", old).claim("nbf", old).build();
        assertRefused(verifier(true), request(headers(attestations.attestation(), pop), null), "client attestation PoP is too old");
    }

    @Test
    void authenticateWhenAttestationHasNoX5cThenNotTrusted() {
        String attestation = PROVIDER.walletAttestation("wallet", instanceKey).header("x5c", null).build();
        assertRefused(verifier(true), request(headers(attestation, attestations.pop(ISSUER).build()), null),
                "client attestation is not from a trusted wallet provider: x5c is missing");
    }

    @Test
    void authenticateWhenAttestationHasNoSubThenInvalidClient() {
        String attestation = PROVIDER.walletAttestation("wallet", instanceKey).claim("sub", null).build();
        assertRefused(verifier(true), request(headers(attestation, attestations.pop(ISSUER).build()), null), "client attestation has no sub");
    }

    @Test
    void authenticateWhenAcceptedThenNothingStoredUntilPoPConsumedOnce() {
        var store = new InMemorySessionStore(Clock.systemUTC(), Duration.ofMinutes(1));
        var verifier = verifier(store, true);
        var request = request(headers(attestations.attestation(), attestations.pop(ISSUER).build()), null);
        SingleUseProof first = verifier.authenticate(headersOf(request), clientIdOf(request));
        SingleUseProof second = verifier.authenticate(headersOf(request), clientIdOf(request));
        assertThat(store.entryCount()).as("M-2: checking writes nothing").isZero();

        first.consume();
        assertThat(store.entryCount()).isEqualTo(1);
        assertThatThrownBy(second::consume).isInstanceOf(ClientAuthenticationException.class).hasMessage("client attestation PoP jti was already used");
    }

    private static WalletAttestationVerifier verifier(boolean required) {
        return verifier(new InMemorySessionStore(Clock.systemUTC(), Duration.ofMinutes(1)), required);
    }

    private static WalletAttestationVerifier verifier(InMemorySessionStore store, boolean required) {
        return new WalletAttestationVerifier(new X509ChainValidator(List.of(CA.certificate())), store, Clock.systemUTC(),
                PROPERTIES, ISSUER, required);
    }

    private static Map<String, List<String>> headers(String attestation, String pop) {
        return Map.of(WalletAttestationVerifier.ATTESTATION_HEADER, List.of(attestation), WalletAttestationVerifier.POP_HEADER, List.of(pop));
    }

    /** TokenEndpoint hands headers over with lower-case names. */
    private static Map<String, List<String>> lowerCase(Map<String, String> headers) {
        return Map.of(WalletAttestationVerifier.ATTESTATION_HEADER, List.of(headers.get(WalletAttestations.ATTESTATION_HEADER)),
                WalletAttestationVerifier.POP_HEADER, List.of(headers.get(WalletAttestations.POP_HEADER)));
    }

    private static TokenRequest request(Map<String, List<String>> headers, String clientId) {
        return new TokenRequest(clientId == null ? Map.of() : Map.of("client_id", clientId), List.of(), headers);
    }

    private static void assertRefused(WalletAttestationVerifier verifier, TokenRequest request, String description) {
        assertThatThrownBy(() -> verifier.authenticate(headersOf(request), clientIdOf(request))).isInstanceOf(ClientAuthenticationException.class).hasMessage(description);
    }

    private static java.util.Map<String, java.util.List<String>> headersOf(TokenRequest request) {
        return request.headers();
    }

    private static SingleUseProof authenticate(WalletAttestationVerifier verifier, TokenRequest request) {
        return verifier.authenticate(request.headers(), request.param("client_id"));
    }

    private static String clientIdOf(TokenRequest request) {
        return request.param("client_id");
    }
}
