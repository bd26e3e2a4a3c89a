package io.github.vciconnector.bench;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.CredentialOffer;
import io.github.vciconnector.demo.CredentialResponse;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.TokenResponse;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One wallet instance of the load generator, driven by one thread: the demo wallet (HAIP: wallet attestation with a
 * PoP per token request, DPoP with server nonces, one jwt key proof carrying a key attestation), plus the backend's
 * {@code POST /offers}. Metadata is fetched once, as wallets cache it.
 */
final class BenchWallet {

    static final String OFFER_REQUEST = """
            {"credential_configuration_id":"IdentityCredential","claims":{"given_name":"Erika","family_name":"Mustermann"}}""";
    /** Wallet keys are reused round-robin: generating two P-256 keys per flow would only load the shared CPUs more. */
    private static final int KEY_POOL = 16;

    private final TimingHttpClient http = new TimingHttpClient();
    private final ConnectorProcess connector;
    private final WalletClient wallet;
    private final IssuerMetadata metadata;
    private final List<ECKey> keys = new ArrayList<>();
    private int nextKey;

    BenchWallet(ConnectorProcess connector, WalletProvider provider, int number) {
        this.connector = connector;
        String clientId = "bench-wallet-" + number;
        WalletOptions options = WalletOptions.defaults().withClientId(clientId)
                .withClientAttestation(provider.clientAttestation(clientId, true))
                .withKeyProofs(provider.keyProofs(clientId));
        this.wallet = new WalletClient(http, options);
        this.metadata = wallet.fetchMetadata(connector.publicUri("").toString());
        for (int i = 0; i < KEY_POOL; i++) keys.add(WalletClient.generateKey());
    }

    TimingHttpClient http() {
        return http;
    }

    /** offer created by the backend, offer fetch, token (with a nonce retry when needed), nonce, credential. */
    void completeFlow() throws Exception {
        CredentialOffer offer = wallet.resolveOffer(createOffer());
        ECKey dpopKey = key();
        TokenResponse token = wallet.requestToken(metadata, offer, null, dpopKey);
        String cNonce = wallet.requestNonce(metadata);
        CredentialResponse response = wallet.requestCredential(metadata, offer.firstConfigurationId(), token.accessToken(),
                dpopKey, List.of(key()), cNonce);
        if (response.credentials().size() != 1) throw new IllegalStateException("expected one credential");
    }

    /** The backend's call; returns the {@code credential_offer_uri}. */
    String createOffer() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(connector.managementUri("/offers")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OFFER_REQUEST, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) throw new IllegalStateException("POST /offers answered " + response.statusCode());
        return (String) JSONObjectUtils.parse(response.body()).get("credential_offer_uri");
    }

    private ECKey key() {
        ECKey key = keys.get(nextKey);
        nextKey = (nextKey + 1) % keys.size();
        return key;
    }
}
