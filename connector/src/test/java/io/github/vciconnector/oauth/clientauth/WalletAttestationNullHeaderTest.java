package io.github.vciconnector.oauth.clientauth;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.WalletAttestations;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.keys.X509ChainValidator;
import io.github.vciconnector.oauth.TokenRequest;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.vciconnector.oauth.clientauth.WalletAttestationVerifierTest.CA;
import static io.github.vciconnector.oauth.clientauth.WalletAttestationVerifierTest.ISSUER;
import static io.github.vciconnector.oauth.clientauth.WalletAttestationVerifierTest.PROPERTIES;
import static io.github.vciconnector.oauth.clientauth.WalletAttestationVerifierTest.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Robustness finding 2: a JWT whose header segment is the JSON literal null is invalid_client, not a server error. */
class WalletAttestationNullHeaderTest {

    private static final String NULL_JWT = "bnVsbA.e30.c2ln";

    private final ECKey instanceKey = WalletClient.generateKey();
    private final WalletAttestations attestations = new WalletAttestations(PROVIDER, "wallet", instanceKey, true, Clock.systemUTC());
    private final WalletAttestationVerifier verifier = new WalletAttestationVerifier(new X509ChainValidator(List.of(CA.certificate())),
            new InMemorySessionStore(Clock.systemUTC(), Duration.ofMinutes(1)), Clock.systemUTC(), PROPERTIES, ISSUER, true);

    @Test
    void authenticateWhenAttestationHeaderIsJsonNullThenInvalidClient() {
        assertInvalidClient(NULL_JWT, attestations.pop(ISSUER).build());
    }

    @Test
    void authenticateWhenPoPHeaderIsJsonNullThenInvalidClient() {
        assertInvalidClient(attestations.attestation(), NULL_JWT);
    }

    private void assertInvalidClient(String attestation, String pop) {
        var request = new TokenRequest(Map.of(), List.of(), Map.of(WalletAttestationVerifier.ATTESTATION_HEADER, List.of(attestation),
                WalletAttestationVerifier.POP_HEADER, List.of(pop)));
        assertThatThrownBy(() -> verifier.authenticate(headersOf(request), clientIdOf(request))).isInstanceOf(ClientAuthenticationException.class);
    }

    private static java.util.Map<String, java.util.List<String>> headersOf(TokenRequest request) {
        return request.headers();
    }

    private static String clientIdOf(TokenRequest request) {
        return request.param("client_id");
    }
}
