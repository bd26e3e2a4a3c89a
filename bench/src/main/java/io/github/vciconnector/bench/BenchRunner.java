package io.github.vciconnector.bench;

import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.jose.Es256;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * The load generator: starts the connector jar as its own process, measures the cryptographic floor, runs complete
 * HAIP issuance flows at maximum throughput and at half of it, measures heap per pending offer, and prints a report
 * (docs/performance.md explains every figure). Figures are printed, never asserted.
 */
public final class BenchRunner {

    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        Path jar = options.jar() != null ? options.jar() : connectorJar(root);
        Path certs = Files.createTempDirectory("bench-certs-");
        ConnectorProcess.run(root.resolve("certs/generate-dev-certs.sh").toString(), certs.toString());
        var report = new Report(options);
        report.machine(ConnectorProcess.run("cat", "/proc/loadavg").trim());
        List<String> extraJvm = List.of();
        if (options.cds()) {
            ConnectorProcess.Cds cds = ConnectorProcess.withCds(options, jar, certs, root);
            report.cds(cds);
            jar = cds.jar();
            extraJvm = cds.jvmOptions();
        }
        WalletProvider provider = WalletProvider.fromPem(certs.resolve("wallet-provider-ca.pem"),
                certs.resolve("wallet-provider-ca.key"), Clock.systemUTC());
        X509Certificate leaf = certificate(provider.x5c().get(0));
        X509Certificate issuer = anchor(certs);
        report.floor(CryptoFloor.measure(leaf, issuer, 1.0));
        // The wallet instances (keys and attestations) exist before any connector starts.
        var population = BenchWallet.Population.of(provider, options.wallets());
        ExecutorService pool = LoadPhase.pool(options.concurrency());
        try {
            if (options.aot() > 0) {
                // JDK 24+ AOT cache (JEP 483, 514, 515): a training run that serves real flows, so that the cache holds
                // the classes of the request path and, on JDK 25, the method profiles the JIT would otherwise collect.
                Path dir = Files.createTempDirectory("bench-aot-");
                Path extracted = ConnectorProcess.extract(options, jar, dir);
                Path cache = dir.resolve("app.aot");
                long start = System.nanoTime();
                AotTraining.train(options, extracted, certs, root, population, pool, options.concurrency(), options.aot(), cache);
                report.aot(options.aot(), (System.nanoTime() - start) / 1e9, cache);
                jar = extracted;
                extraJvm = List.of("-XX:AOTCache=" + cache);
            }
            if (options.curve() > 0) {
                FreshKeys keys = FreshKeys.forFlows(options.curve());
                try (ConnectorProcess cold = ConnectorProcess.start(options, jar, certs, root, extraJvm)) {
                    var wallets = BenchWallet.threads(cold, population, BenchWallet.Mode.REALISTIC, options.concurrency());
                    report.curve(WarmupCurve.run(cold, wallets, pool, options.curve(), options.window(), keys));
                }
            }
            if (options.flows() == 0) {
                System.out.println(report);
                return;
            }
            try (ConnectorProcess connector = ConnectorProcess.start(options, jar, certs, root, extraJvm)) {
                report.started(connector);
                var wallets = BenchWallet.threads(connector, population, options.mode(), options.concurrency());
                if (options.warmup() > 0) {
                    report.phase(LoadPhase.run("warm-up", connector, wallets, pool, options.warmup(), 0), options.mode(), Report.Kind.WARMUP);
                }
                if (options.warmup() > 0 && options.settle() > 0) {
                    report.settling(JitSettling.run(connector, wallets, pool, options.warmup(), options.settle(), options.settleMax()),
                            options.warmup());
                }
                LoadPhase.Result max = LoadPhase.run("maximum throughput", connector, wallets, pool, options.flows(), 0);
                report.phase(max, options.mode(), Report.Kind.MAXIMUM);
                if (options.jfr() != null) connector.dumpFlightRecording(options.jfr(), max.wall().toSeconds() + 1);
                report.floorAgain(CryptoFloor.measure(leaf, issuer, 1.0));
                if (options.statusListGets() > 0) {
                    report.statusList(StatusListPhase.run(connector, population, pool, options.concurrency(), options.statusListGets()), max);
                }
                report.idle(idleCpu(connector, 5));
                if (options.halfRate()) {
                    double rate = max.flowsPerSecond() / 2;
                    report.phase(LoadPhase.run(String.format("half of maximum (%.0f flows/s paced)", rate), connector,
                            wallets, pool, Math.max(1, options.flows() / 2), rate), options.mode(), Report.Kind.HALF_RATE);
                }
                if (options.compare() > 0) {
                    // The same connector, already warm: the other mode's figure at the same point of the JIT's work.
                    var others = BenchWallet.threads(connector, population, options.otherMode(), options.concurrency());
                    report.phase(LoadPhase.run("comparison warm-up", connector, others, pool, Math.max(1, options.compare() / 2), 0),
                            options.otherMode(), Report.Kind.WARMUP);
                    report.phase(LoadPhase.run("comparison at maximum throughput", connector, others, pool, options.compare(), 0),
                            options.otherMode(), Report.Kind.COMPARISON);
                }
                if (options.offers() > 0) {
                    report.heap(HeapPerOffer.measure(connector, pool, options.concurrency(), options.offers()));
                }
                report.machine(ConnectorProcess.run("cat", "/proc/loadavg").trim());
                if (options.store().equals("redis") && options.redisClusterNodes() != null) {
                    deleteClusterKeys(options.redisClusterNodes(), ConnectorProcess.redisKeyPrefix());
                } else if (options.store().equals("redis")) {
                    deleteRedisKeys(options.redisUrl(), ConnectorProcess.redisKeyPrefix());
                }
                System.out.println(report);
                System.out.println("connector log: " + connector.log());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The run's keys would otherwise stay in Redis for the retention period (a day). */
    private static void deleteRedisKeys(String url, String prefix) {
        ConnectorProcess.run("sh", "-c", "redis-cli -u \"$0\" --scan --pattern \"$1*\" | xargs -r -n 500 redis-cli -u \"$0\" del >/dev/null",
                url, prefix);
    }

    /** The same on a cluster: each node's own keys, unlinked one by one on that node (replicas refuse, quietly). */
    private static void deleteClusterKeys(String nodes, String prefix) {
        for (String node : nodes.split(",")) {
            String[] hostPort = node.trim().split(":");
            ConnectorProcess.run("sh", "-c", "redis-cli -h \"$0\" -p \"$1\" --scan --pattern \"$2*\" | awk '{print \"UNLINK \" $0}'"
                    + " | redis-cli -h \"$0\" -p \"$1\" --pipe >/dev/null 2>&1; true", hostPort[0], hostPort[1], prefix);
        }
    }

    /** Server CPU per second while no request arrives: timers, sweepers, JIT and GC catching up. */
    private static double idleCpu(ConnectorProcess connector, int seconds) throws Exception {
        var before = connector.cpuTime();
        Thread.sleep(seconds * 1000L);
        return connector.cpuTime().minus(before).toNanos() / 1e6 / seconds;
    }

    private static Path connectorJar(Path root) throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("connector/target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("issuer-connector-.*\\.jar")).toList();
            if (jars.size() != 1) throw new IllegalStateException("expected one connector/target/issuer-connector-*.jar, found " + jars);
            return jars.get(0);
        }
    }

    private static X509Certificate certificate(String base64Der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509", Es256.PROVIDER)
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Der)));
    }

    private static X509Certificate anchor(Path certs) throws Exception {
        try (var in = Files.newInputStream(certs.resolve("wallet-provider-ca.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509", Es256.PROVIDER).generateCertificate(in);
        }
    }
}
