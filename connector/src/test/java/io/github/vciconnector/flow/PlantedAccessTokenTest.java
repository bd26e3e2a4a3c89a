package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.TokenHash;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 H-1, write side: someone who can write to the store (but has no master secret) marks a pending offer as
 * redeemed by their own DPoP key and plants an index entry for an access token of their choosing. With a plain
 * SHA-256 index the connector would accept that token and issue the offer's credential to them; the index is keyed
 * with a key derived from the master secret, so the planted entry leads nowhere.
 */
class PlantedAccessTokenTest extends WalletFlowTest {

    @Autowired
    private OfferStore store;

    private final WalletClient attacker = wallet();
    private final ECKey attackerDPoPKey = WalletClient.generateKey();

    @Test
    void credentialWhenAccessTokenPlantedInTheStoreWithoutTheMasterSecretThenInvalidToken() throws Exception {
        OfferId offerId = new OfferId((String) createOffer().get("offer_id"));
        String plantedToken = "planted-by-a-store-writer-0123456789abcdef";
        Instant now = Instant.now();
        store.transition(offerId, s -> Optional.of(s.tokenIssued(thumbprint(attackerDPoPKey), now, now.plusSeconds(300))));
        store.indexAccessToken(new TokenHash(Sha256.base64Url(plantedToken)), offerId, Duration.ofMinutes(5));

        IssuerMetadata metadata = metadata();
        String cNonce = attacker.requestNonce(metadata);
        String proof = JwtKeyProofs.builder(WalletClient.generateKey(), issuer(), cNonce, null, Instant.now()).build();
        String dpop = DPoPProofs.buildDPoPProof("POST", metadata.credentialEndpoint(), attackerDPoPKey, plantedToken,
                attacker.http().latestDPoPNonce());
        HttpResult result = attacker.http().postJson(metadata.credentialEndpoint(),
                Map.of("credential_configuration_id", "IdentityCredential", "proofs", Map.of("jwt", List.of(proof))),
                Map.of("Authorization", "DPoP " + plantedToken, "DPoP", dpop));

        assertThat(result.status()).as(result.body()).isEqualTo(401);
        assertThat(result.body()).contains("invalid_token").doesNotContain("credentials");
    }

    private static String thumbprint(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
