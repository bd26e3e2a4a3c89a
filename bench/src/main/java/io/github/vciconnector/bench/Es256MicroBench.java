package io.github.vciconnector.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.vciconnector.demo.SignedJwtBuilder;
import io.github.vciconnector.jose.Es256;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * ES256 microbenchmark (issue 11 point 5): signs and verifies {@value #OPERATIONS} compact JWS single threaded on
 * Nimbus' stock JCA path (BouncyCastle provider), on the connector's own ES256 path, and signs them with the demo
 * wallet's builder (the benchmark's load generator), then prints operations per second. Informative only: it never
 * fails on timing. Run: {@code ./mvnw -q -o -Pbench compile} then
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.github.vciconnector.bench.Es256MicroBench}.
 */
public final class Es256MicroBench {

    static final int OPERATIONS = 20_000;

    private Es256MicroBench() {
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : OPERATIONS;
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).jwk(key.toPublicJWK()).build();
        byte[] input = new JWSObject(header, new Payload("{\"htm\":\"POST\",\"jti\":\"x\"}")).getSigningInput();
        String jwk = key.toPublicJWK().toJSONString();

        var nimbusSigner = new ECDSASigner(key);
        nimbusSigner.getJCAContext().setProvider(Es256.PROVIDER);
        JWSSigner connectorSigner = Es256.signer(key);
        var signature = connectorSigner.sign(header, input);
        for (int round = 0; round < 2; round++) { // round 0 warms the JIT up; round 1 is reported
            boolean report = round == 1;
            run(report, "nimbus JCA (BC provider)  sign", operations, () -> nimbusSigner.sign(header, input));
            run(report, "nimbus JCA (BC provider)  verify, fresh key", operations, () -> {
                var verifier = new ECDSAVerifier(ECKey.parse(jwk));
                verifier.getJCAContext().setProvider(Es256.PROVIDER);
                require(verifier.verify(header, input, signature));
            });
            run(report, "connector Es256           sign", operations, () -> connectorSigner.sign(header, input));
            run(report, "connector Es256           verify, fresh key", operations,
                    () -> require(Es256.verifier(ECKey.parse(jwk)).verify(header, input, signature)));
            JWSVerifier known = Es256.verifier(key.toECPublicKey());
            run(report, "connector Es256           verify, kept key", operations,
                    () -> require(known.verify(header, input, signature)));
            run(report, "demo wallet               sign (whole JWS)", operations,
                    () -> new SignedJwtBuilder(key).header("typ", "dpop+jwt").claim("htm", "POST").build()
                            .getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void require(boolean valid) {
        if (!valid) throw new IllegalStateException("signature did not verify");
    }

    private static void run(boolean report, String name, int operations, Op op) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) op.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) System.out.printf(Locale.ROOT, "%-45s %,10.0f ops/s%n", name, operations / seconds);
    }

    @FunctionalInterface
    private interface Op {
        void run() throws Exception;
    }
}
