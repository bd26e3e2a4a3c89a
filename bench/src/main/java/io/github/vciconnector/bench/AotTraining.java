package io.github.vciconnector.bench;

import io.github.vciconnector.demo.WalletProvider;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Writes the connector's JDK 25 AOT cache (JEP 483, 514, 515: classes loaded and linked, and method profiles) from a
 * training run that serves real issuance flows, for a JDK 25 deployment and for the bench's {@code --aot}; the Docker
 * image stays on JDK 17 with AppCDS, which measured as well (docs/performance.md, "Issue 16, third pass"). Starts the extracted connector jar with {@code -XX:AOTCacheOutput}, runs realistic HAIP flows through
 * it with the benchmark's wallets (development certificates, throw-away keys), stops it, and the JVM writes the cache
 * as it exits. A cache serves only the JVM build that wrote it, with the same jar paths, so it must run with the
 * runtime's own {@code java} on the jar at its final path.
 *
 * <pre>AotTraining --jar /app/issuer-connector.jar --cache /app/app.aot [--flows 2000] [--root DIR]
 *             [--java PATH] [--jvm "-XX:+UseG1GC"]</pre>
 * {@code --root} holds {@code certs/generate-dev-certs.sh} and {@code type-metadata/} (default: the working directory).
 */
public final class AotTraining {

    private static final int CONCURRENCY = 4;
    private static final int WALLETS = 200;

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = null;
        Path cache = null;
        int flows = 2000;
        Path root = Path.of("").toAbsolutePath();
        String java = null;
        String jvm = "-XX:+UseG1GC";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[i + 1]).toAbsolutePath();
                case "--cache" -> cache = Path.of(args[i + 1]).toAbsolutePath();
                case "--flows" -> flows = Integer.parseInt(args[i + 1]);
                case "--root" -> root = Path.of(args[i + 1]).toAbsolutePath();
                case "--java" -> java = args[i + 1];
                case "--jvm" -> jvm = args[i + 1];
                default -> usage("unknown option " + args[i]);
            }
        }
        if (jar == null || cache == null || flows < 1 || args.length % 2 != 0) usage("--jar and --cache are required");
        if (Files.exists(cache)) usage(cache + " exists; the JVM would not overwrite it reliably, remove it first");

        var bench = new ArrayList<>(List.of("--jar", jar.toString(), "--server-jvm", jvm, "--concurrency",
                Integer.toString(CONCURRENCY), "--wallets", Integer.toString(WALLETS)));
        if (java != null) bench.addAll(List.of("--server-java", java));
        BenchOptions options = BenchOptions.parse(bench.toArray(String[]::new));
        Path certs = Files.createTempDirectory("aot-training-certs-");
        ConnectorProcess.run(root.resolve("certs/generate-dev-certs.sh").toString(), certs.toString());
        WalletProvider provider = WalletProvider.fromPem(certs.resolve("wallet-provider-ca.pem"),
                certs.resolve("wallet-provider-ca.key"), Clock.systemUTC());
        var population = BenchWallet.Population.of(provider, WALLETS);
        ExecutorService pool = LoadPhase.pool(CONCURRENCY);
        long start = System.nanoTime();
        try {
            LoadPhase.Result result = train(options, jar, certs, root, population, pool, CONCURRENCY, flows, cache);
            System.out.printf("AOT cache %s: %d flows, %.1f s, %d KB%n", cache, result.flows(),
                    (System.nanoTime() - start) / 1e9, Files.size(cache) / 1024);
        } finally {
            pool.shutdownNow();
            FileSystemUtils.deleteRecursively(certs);
        }
    }

    /**
     * One training run: the connector started with {@code -XX:AOTCacheOutput=cache}, {@code flows} realistic flows,
     * then stopped; fails unless every flow succeeded and the cache exists. Also the benchmark's {@code --aot}.
     */
    static LoadPhase.Result train(BenchOptions options, Path jar, Path certs, Path root, BenchWallet.Population population,
                                  ExecutorService pool, int concurrency, int flows, Path cache) throws Exception {
        ConnectorProcess training = ConnectorProcess.start(options, jar, certs, root, List.of("-XX:AOTCacheOutput=" + cache));
        var wallets = BenchWallet.threads(training, population, BenchWallet.Mode.REALISTIC, concurrency);
        LoadPhase.Result result = LoadPhase.run("AOT training", training, wallets, pool, flows, 0);
        // The JVM assembles the cache after the connector has shut down; that takes a while on a small machine.
        training.stop(Duration.ofMinutes(10));
        if (result.failures() > 0) throw new IllegalStateException(result.failures() + " training flows failed, see " + training.log());
        if (!Files.exists(cache)) throw new IllegalStateException("no AOT cache written, see " + training.log());
        return result;
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: AotTraining --jar JAR --cache FILE [--flows 2000] [--root DIR] [--java PATH] [--jvm OPTIONS]");
        System.exit(2);
    }
}
