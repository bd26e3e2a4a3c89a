package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.WalletAttestations;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * M-2: a token request that proves nothing but its own keys (a self-made DPoP proof and a self-made, even trusted,
 * wallet attestation) and carries a garbage pre-authorized code leaves nothing in the store. Its own context, with
 * wallet attestation required, and no offer created, so no callback or expiry writes blur the count.
 */
class TokenRequestStoreWritesTest extends WalletFlowTest {

    static final int GARBAGE_REQUESTS = 2_000;
    static final String CLIENT_ID = "store-writes-wallet";
    static final TestPki.Issued WALLET_PROVIDER_CA = TestPki.ca("Store Writes Wallet Provider CA");
    private static final Path ANCHOR;

    static {
        try {
            Path dir = Files.createTempDirectory("store-writes-test");
            dir.toFile().deleteOnExit();
            ANCHOR = TestPki.pem(dir, "wallet-provider-ca.pem", WALLET_PROVIDER_CA.certificate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the wallet provider CA", e);
        }
    }

    @DynamicPropertySource
    static void walletAttestationRequired(DynamicPropertyRegistry registry) {
        registry.add("connector.haip.wallet-attestation", () -> "required");
        registry.add("connector.wallet-attestation.trust-anchors", ANCHOR::toString);
    }

    @Autowired
    private OfferStore store;

    private final WalletClient wallet = wallet();
    private final ECKey dpopKey = WalletClient.generateKey();
    private final WalletAttestations attestations = new WalletAttestations(new WalletProvider(WALLET_PROVIDER_CA.certificate(),
            WALLET_PROVIDER_CA.keys().getPrivate(), Clock.systemUTC()), CLIENT_ID, WalletClient.generateKey(), true, Clock.systemUTC());

    @Test
    void tokenWhenBurstOfGarbageCodesWithValidProofsThenInvalidGrantAndNoNewStoreEntries() throws Exception {
        var memory = (InMemorySessionStore) store;
        String nonce = nonce();  // creates the DPoP nonce key before the count
        int before = memory.entryCount();

        var pool = Executors.newFixedThreadPool(4);
        try {
            var answers = new ArrayList<Future<HttpResult>>();
            for (int i = 0; i < GARBAGE_REQUESTS; i++) {
                String code = "garbage-" + i;
                answers.add(pool.submit(() -> token(code, DPoPProofs.buildDPoPProof("POST", tokenEndpoint(), dpopKey, null, nonce))));
            }
            for (Future<HttpResult> answer : answers) {
                HttpResult result = answer.get();
                assertThat(result.status()).as(result.body()).isEqualTo(400);
                assertThat(result.json()).containsEntry("error", "invalid_grant");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(memory.entryCount()).as("entries left by %d refused requests", GARBAGE_REQUESTS).isEqualTo(before);
    }

    @Test
    void tokenWhenJtiOfTenKilobytesThenInvalidDPoPProof() {
        String proof = DPoPProofs.builder("POST", tokenEndpoint(), dpopKey, Instant.now())
                .claim("jti", "j".repeat(10 * 1024)).claim("nonce", nonce()).build();

        HttpResult result = token("garbage", proof);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", "invalid_dpop_proof");
    }

    private HttpResult token(String code, String dpopProof) {
        var form = new HashMap<String, String>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code");
        form.put("pre-authorized_code", code);
        form.put("client_id", CLIENT_ID);
        var headers = new HashMap<String, String>(attestations.headers(issuer()));
        headers.put("DPoP", dpopProof);
        return wallet.http().postForm(tokenEndpoint(), form, headers);
    }

    private String nonce() {
        return wallet.http().postEmpty(URI.create(issuer() + "/oidc4vci/nonce")).header("DPoP-Nonce").orElseThrow();
    }

    private URI tokenEndpoint() {
        return URI.create(issuer() + "/oidc4vci/token");
    }
}
