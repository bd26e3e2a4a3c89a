package io.github.vciconnector.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Command line of {@link BenchRunner}. Every option has a default that fits a 2-core machine in well under a minute
 * per phase; {@code --help} prints them.
 *
 * @param flows      complete flows in the measured run at maximum throughput
 * @param warmup     flows run first and not measured (JIT, connection pools, DPoP nonces)
 * @param concurrency wallets (threads, each with its own HTTP client) running flows at the same time
 * @param store      {@code memory} or {@code redis}
 * @param redisUrl   the Redis server for {@code --store redis}
 * @param offers     pending offers created to measure heap per offer (0 skips the phase)
 * @param halfRate   whether to run a second, paced phase at half the measured maximum throughput
 * @param jar        the connector jar to start
 * @param serverJvm  JVM options of the connector process
 * @param jfr        a file to record the connector's measured run into (JDK Flight Recorder), or null
 * @param floorCounts ECDSA operations per flow of the connector version under test
 * @param redisClusterNodes with {@code --store redis}: nodes of a Redis Cluster to use instead of {@code redisUrl}
 *                          ({@code host:port,...}, passed as {@code SPRING_DATA_REDIS_CLUSTER_NODES}), or null
 */
record BenchOptions(int flows, int warmup, int concurrency, String store, String redisUrl, int offers, boolean halfRate,
                    Path jar, List<String> serverJvm, Path jfr, CryptoFloor.Counts floorCounts, String redisClusterNodes) {

    static final String USAGE = """
            bench/run [--flows 6000] [--warmup 12000] [--concurrency 8] [--store memory|redis]
                      [--redis-url redis://localhost:6379 | --redis-cluster-nodes 127.0.0.1:7000,127.0.0.1:7001]
                      [--offers 100000] [--no-half-rate]
                      [--jar connector/target/issuer-connector-<version>.jar] [--server-jvm "-Xms1g -Xmx1g -XX:+UseG1GC"] [--jfr file.jfr]
                      [--floor-counts 1,4,2,0]  (signs, verifies with a new key, with a kept key, X.509 per flow)
            """;

    BenchOptions {
        if (flows < 1 || warmup < 0 || concurrency < 1 || offers < 0) throw new IllegalArgumentException("counts must be positive");
        if (!store.equals("memory") && !store.equals("redis")) throw new IllegalArgumentException("--store is memory or redis");
        if (redisClusterNodes != null && !store.equals("redis")) throw new IllegalArgumentException("--redis-cluster-nodes needs --store redis");
        serverJvm = List.copyOf(serverJvm);
    }

    static BenchOptions parse(String[] args) {
        int flows = 6000;
        int warmup = 12000;
        int concurrency = 8;
        String store = "memory";
        String redisUrl = "redis://localhost:6379";
        int offers = 100_000;
        boolean halfRate = true;
        Path jar = null;
        String serverJvm = "-Xms1g -Xmx1g -XX:+UseG1GC";
        Path jfr = null;
        CryptoFloor.Counts counts = CryptoFloor.Counts.CURRENT;
        String clusterNodes = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--no-half-rate")) {
                halfRate = false;
                continue;
            }
            if (name.equals("--help") || i + 1 >= args.length) throw new IllegalArgumentException(USAGE);
            String value = args[++i];
            switch (name) {
                case "--flows" -> flows = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--store" -> store = value;
                case "--redis-url" -> redisUrl = value;
                case "--redis-cluster-nodes" -> clusterNodes = value;
                case "--offers" -> offers = Integer.parseInt(value);
                case "--jar" -> jar = Path.of(value);
                case "--server-jvm" -> serverJvm = value;
                case "--jfr" -> jfr = Path.of(value).toAbsolutePath();
                case "--floor-counts" -> counts = CryptoFloor.Counts.parse(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new BenchOptions(flows, warmup, concurrency, store, redisUrl, offers, halfRate, jar,
                List.of(serverJvm.trim().split("\\s+")), jfr, counts, clusterNodes);
    }
}
