package io.github.vciconnector.bench;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.jose.Es256;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;

/**
 * The cryptographic floor of one flow: the connector's own ES256 code ({@link Es256}, BouncyCastle) timed single
 * threaded after warm-up, for each kind of ECDSA operation the connector performs per flow. BouncyCastle caches
 * precomputed multiples on a public key object, so a verification with a key the server sees for the first time
 * (every wallet key) costs more than one with a key it keeps (a configured anchor, a cached certificate): both are
 * measured and counted apart.
 */
final class CryptoFloor {

    /**
     * How many operations of each kind one flow needs, counted from the code path (docs/performance.md). Default
     * {@code 1,4,2,0}: the SD-JWT VC signature; DPoP proofs at token and credential, the wallet attestation PoP and
     * the key proof, all with wallet keys new to the server; the wallet attestation and the key attestation, with
     * the key of a cached wallet-provider certificate; no x5c chain signature, as a chain is validated once and kept.
     */
    record Counts(int signs, int freshKeyVerifies, int knownKeyVerifies, int x509Verifies) {
        static final Counts CURRENT = new Counts(1, 4, 2, 0);

        static Counts parse(String value) {
            String[] parts = value.split(",");
            if (parts.length != 4) throw new IllegalArgumentException("--floor-counts is signs,fresh,known,x509");
            return new Counts(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]));
        }
    }

    /** Nanoseconds per operation. */
    record Costs(double signNanos, double freshVerifyNanos, double knownVerifyNanos, double x509VerifyNanos) {
        double floorNanosPerFlow(Counts counts) {
            return counts.signs() * signNanos + counts.freshKeyVerifies() * freshVerifyNanos
                    + counts.knownKeyVerifies() * knownVerifyNanos + counts.x509Verifies() * x509VerifyNanos;
        }
    }

    private CryptoFloor() {
    }

    /** Distinct wallet keys (and proofs signed by each) that the fresh-key verifications cycle through. */
    private static final int FRESH_KEYS = 2048;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static Costs measure(X509Certificate leaf, X509Certificate issuer, double seconds) throws Exception {
        ECKey[] wallets = FreshKeys.generate(FRESH_KEYS);
        var proofs = new JWSObject[FRESH_KEYS];
        var publicKeys = new ECKey[FRESH_KEYS];
        var inputs = new byte[FRESH_KEYS][];
        for (int i = 0; i < FRESH_KEYS; i++) {
            proofs[i] = JWSObject.parse(DPoPProofs.builder("POST", URI.create("https://issuer.example.com/oidc4vci/credential"),
                    wallets[i], Instant.now()).claim("ath", DPoPProofs.ath("a".repeat(43))).claim("nonce", "n".repeat(32)).build());
            publicKeys[i] = wallets[i].toPublicJWK();
            inputs[i] = proofs[i].getSigningInput();
        }
        ECKey wallet = wallets[0];
        JWSHeader header = proofs[0].getHeader();
        byte[] input = proofs[0].getSigningInput();
        Base64URL signature = proofs[0].getSignature();
        JWSSigner signer = Es256.signer(issuerKey(wallet));
        // A known key: the public key object of a parsed certificate, kept between verifications.
        JWSVerifier known = Es256.verifier((ECPublicKey) KeyFactory.getInstance("EC", Es256.PROVIDER)
                .generatePublic(new X509EncodedKeySpec(wallet.toECPublicKey().getEncoded())));
        Op sign = () -> signer.sign(header, input);
        // A fresh key: each verification with another of 2,048 distinct keys, its point made for this verification
        // (as the server does with every wallet key), so no precomputed multiple of it exists yet. Only the ECDSA:
        // parsing the JWT or the JWK is the server's own work, not the floor's.
        int[] next = {0};
        Op fresh = () -> {
            int i = next[0];
            next[0] = (i + 1) % FRESH_KEYS;
            JWSObject proof = proofs[i];
            check(Es256.verifier(publicKeys[i]).verify(proof.getHeader(), inputs[i], proof.getSignature()));
        };
        Op knownVerify = () -> check(known.verify(header, input, signature));
        Op x509 = () -> leaf.verify(issuer.getPublicKey(), Es256.PROVIDER);
        for (Op op : new Op[] {sign, fresh, knownVerify, x509}) time(op, seconds); // warm-up: JIT of every path first
        return new Costs(time(sign, seconds), time(fresh, seconds), time(knownVerify, seconds), time(x509, seconds));
    }

    /** The signing key as the connector holds it: a BouncyCastle private key (PemKeyPairLoader) inside the JWK. */
    private static ECKey issuerKey(ECKey generated) throws Exception {
        PrivateKey key = KeyFactory.getInstance("EC", Es256.PROVIDER)
                .generatePrivate(new PKCS8EncodedKeySpec(generated.toECPrivateKey().getEncoded()));
        return new ECKey.Builder(Curve.P_256, generated.toECPublicKey()).privateKey(key).build();
    }

    private static void check(boolean valid) {
        if (!valid) throw new IllegalStateException("verification failed");
    }

    /**
     * CPU time of this thread per operation, not wall time: on a machine shared with other work a preempted thread's
     * wall clock runs on, its CPU time does not, so the floor stays comparable with the server's CPU per flow.
     */
    private static double time(Op op, double seconds) throws Exception {
        long budget = (long) (seconds * 1e9);
        long start = THREADS.getCurrentThreadCpuTime();
        long count = 0;
        long now;
        do {
            for (int i = 0; i < 50; i++) op.run();
            count += 50;
            now = THREADS.getCurrentThreadCpuTime();
        } while (now - start < budget);
        return (now - start) / (double) count;
    }

    @FunctionalInterface
    private interface Op {
        void run() throws Exception;
    }
}
