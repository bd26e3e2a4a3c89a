package io.github.vciconnector.bench;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.CredentialOffer;
import io.github.vciconnector.demo.CredentialResponse;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.TokenResponse;
import io.github.vciconnector.demo.WalletAttestations;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One load-generator thread with its own HTTP/1.1 keep-alive client, running complete flows of the demo wallet (HAIP:
 * wallet attestation with a PoP per token request, DPoP with server nonces, one jwt key proof carrying a key
 * attestation) plus the backend's {@code POST /offers}. Metadata is fetched once, as wallets cache it.
 *
 * <p>{@link Mode#REALISTIC} (the default) behaves like a population of real devices: the thread serves its share of
 * {@code --wallets} wallet instances, each with its own instance key and wallet attestation (signed once, as the
 * EUDI wallet keeps it), and every flow brings a new DPoP key and a new holder key ({@link FreshKeys}, made before
 * the phase) and a new key attestation. {@link Mode#POOLED} is the earlier benchmark: one wallet instance per
 * thread and DPoP and holder keys drawn from a pool of 16, so whatever the connector keeps per key is found again.
 */
final class BenchWallet {

    enum Mode {
        REALISTIC("realistic: fresh DPoP and holder keys per flow, %d wallet instances"),
        POOLED("pooled: DPoP and holder keys from a pool of 16 per thread, one wallet instance per thread");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        String label(int wallets) {
            return String.format(label, wallets);
        }
    }

    static final String OFFER_REQUEST = """
            {"credential_configuration_id":"IdentityCredential","claims":{"given_name":"Erika","family_name":"Mustermann"}}""";
    private static final int KEY_POOL = 16;

    private final TimingHttpClient http = new TimingHttpClient();
    private final ConnectorProcess connector;
    private final Mode mode;
    private final List<WalletClient> instances = new ArrayList<>();
    private IssuerMetadata metadata;
    private final List<ECKey> pool = new ArrayList<>();
    private int nextInstance;
    private int nextKey;
    private String latestNonce;
    private FreshKeys freshKeys;

    /**
     * The simulated wallet instances, made before any connector starts: each has its own instance key and a wallet
     * attestation for it, signed once by the wallet provider.
     */
    record Population(WalletProvider provider, List<WalletAttestations> attestations) {
        static Population of(WalletProvider provider, int wallets) {
            ECKey[] instanceKeys = FreshKeys.generate(wallets);
            var attestations = new ArrayList<WalletAttestations>(wallets);
            for (int i = 0; i < wallets; i++) {
                attestations.add(new WalletAttestations(provider, "bench-wallet-" + i, instanceKeys[i], true, Clock.systemUTC()));
            }
            return new Population(provider, List.copyOf(attestations));
        }
    }

    /** @param instances the wallet instances this thread serves (realistic mode) or its one instance (pooled) */
    private BenchWallet(ConnectorProcess connector, Population population, Mode mode, List<WalletAttestations> instances) {
        this.connector = connector;
        this.mode = mode;
        for (WalletAttestations attestation : instances) {
            WalletOptions options = WalletOptions.defaults().withClientId(attestation.clientId())
                    .withClientAttestation(attestation).withKeyProofs(population.provider().keyProofs(attestation.clientId()));
            this.instances.add(new WalletClient(http, options));
        }
        if (mode == Mode.POOLED) pool.addAll(List.of(FreshKeys.generate(KEY_POOL)));
    }

    /**
     * The load generator's threads: in realistic mode the population's instances dealt round-robin to
     * {@code threads} threads, in pooled mode one instance per thread. Nothing is sent to the connector yet.
     */
    static List<BenchWallet> threads(ConnectorProcess connector, Population population, Mode mode, int threads) {
        var result = new ArrayList<BenchWallet>();
        List<WalletAttestations> all = population.attestations();
        for (int t = 0; t < threads; t++) {
            var mine = new ArrayList<WalletAttestations>();
            if (mode == Mode.POOLED) {
                mine.add(all.get(t));
            } else {
                for (int w = t; w < all.size(); w += threads) mine.add(all.get(w));
            }
            result.add(new BenchWallet(connector, population, mode, mine));
        }
        return result;
    }

    TimingHttpClient http() {
        return http;
    }

    Mode mode() {
        return mode;
    }

    /** The keys of the next phase's flows, by ticket (realistic mode); ignored in pooled mode. */
    void use(FreshKeys keys) {
        this.freshKeys = keys;
    }

    /** offer created by the backend, offer fetch, token (with a nonce retry when needed), nonce, credential. */
    void completeFlow(int ticket) throws Exception {
        WalletClient wallet = instances.get(nextInstance);
        // Fetched by the thread's first flow, then kept, as wallets cache metadata.
        if (metadata == null) metadata = wallet.fetchMetadata(connector.publicUri("").toString());
        nextInstance = (nextInstance + 1) % instances.size();
        // A server nonce is valid for every key; the thread's wallets pass on the latest, so only a rotation
        // (not a wallet's first flow) meets a use_dpop_nonce challenge, as in the pooled mode.
        if (latestNonce != null) wallet.http().latestDPoPNonce(latestNonce);
        ECKey dpopKey = mode == Mode.POOLED ? pooled() : freshKeys.dpop(ticket);
        ECKey holderKey = mode == Mode.POOLED ? pooled() : freshKeys.holder(ticket);
        CredentialOffer offer = wallet.resolveOffer(createOffer());
        TokenResponse token = wallet.requestToken(metadata, offer, null, dpopKey);
        String cNonce = wallet.requestNonce(metadata);
        CredentialResponse response = wallet.requestCredential(metadata, offer.firstConfigurationId(), token.accessToken(),
                dpopKey, List.of(holderKey), cNonce);
        latestNonce = wallet.http().latestDPoPNonce();
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

    private ECKey pooled() {
        ECKey key = pool.get(nextKey);
        nextKey = (nextKey + 1) % pool.size();
        return key;
    }
}
