package io.github.vciconnector.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Command line of {@link BenchRunner}. Every option has a default that fits a 2-core machine in well under a minute
 * per phase; {@code --help} prints them.
 *
 * @param flows       complete flows in the measured run at maximum throughput (0: only the warm-up curve)
 * @param warmup      flows run first and not measured (JIT, connection pools, DPoP nonces)
 * @param settle      after the warm-up, more chunks of {@link JitSettling#CHUNK} flows until the JIT compiler threads
 *                    take under this share (0 to 1) of the connector's CPU in one (0: a fixed warm-up of {@code warmup} flows)
 * @param settleMax   the most warm-up flows in all, settled or not
 * @param concurrency load-generator threads (each with its own HTTP client) running flows at the same time
 * @param mode        how the wallets behave in the main runs: realistic (default) or pooled ({@code --pooled})
 * @param wallets     simulated wallet instances of the realistic mode, each with its own instance key and attestation
 * @param compare     flows measured in the other mode after the main run (0 skips), after a warm-up of half as many
 * @param curve       flows of the warm-up curve, run on a connector of its own from a cold start (0 skips)
 * @param window      flows per window of the warm-up curve
 * @param store       {@code memory} or {@code redis}
 * @param redisUrl    the Redis server for {@code --store redis}
 * @param offers      pending offers created to measure heap per offer (0 skips the phase)
 * @param halfRate    whether to run a second, paced phase at half the measured maximum throughput
 * @param jar         the connector jar to start
 * @param serverJvm   JVM options of the connector process
 * @param cds         start the connector extracted, with an AppCDS archive from a training run (as the Docker image)
 * @param aot         flows of a training run that writes a JDK 25 AOT cache (classes and method profiles), 0 for none
 * @param serverJava  the connector's {@code java} executable, or null for the load generator's own
 * @param jfr         a file to record the connector's measured run into (JDK Flight Recorder), or null
 * @param floorCounts ECDSA operations per flow of the connector version under test
 * @param statusListGets GETs of one Token Status List after the maximum-throughput phase (0 skips it)
 * @param redisClusterNodes with {@code --store redis}: nodes of a Redis Cluster to use instead of {@code redisUrl}
 *                          ({@code host:port,...}, passed as {@code SPRING_DATA_REDIS_CLUSTER_NODES}), or null
 */
record BenchOptions(int flows, int warmup, double settle, int settleMax, int concurrency, BenchWallet.Mode mode,
                    int wallets, int compare, int curve, int window, String store, String redisUrl, int offers,
                    boolean halfRate, Path jar, List<String> serverJvm, boolean cds, int aot, Path serverJava, Path jfr,
                    CryptoFloor.Counts floorCounts, int statusListGets, String redisClusterNodes) {

    static final String USAGE = """
            bench/run [--flows 6000] [--warmup 12000] [--settle 5] [--settle-max 60000] [--concurrency 8] [--pooled]
                      [--wallets 1000] [--compare 4000]
                      [--curve 10000] [--window 500] [--store memory|redis]
                      [--redis-url redis://localhost:6379 | --redis-cluster-nodes 127.0.0.1:7000,127.0.0.1:7001]
                      [--offers 100000] [--no-half-rate] [--jar connector/target/issuer-connector-<version>.jar]
                      [--server-jvm "-Xms1g -Xmx1g -XX:+UseG1GC"] [--cds] [--aot 0] [--server-java PATH] [--jfr file.jfr]
                      [--floor-counts 1,4,2,0]  (signs, verifies with a new key, with a kept key, X.509 per flow)
              --settle P   after the warm-up, chunks of 2,000 flows until the JIT compiler threads take under P %
                           of the connector's CPU in one, up to --settle-max warm-up flows in all (0: fixed warm-up;
                           --warmup 0 skips both)
              --pooled     main runs in the pooled mode (keys from a pool of 16 per thread, one wallet instance per
                           thread); the default is the realistic mode (fresh DPoP and holder keys every flow)
              --compare N  flows measured in the other mode after the main run, after N/2 flows of warm-up (0 skips)
              --curve N    warm-up curve: N realistic flows on a cold connector of its own, CPU per --window flows (0 skips)
              --flows 0    only the warm-up curve (and the floor): no main run
              --cds        connector started extracted with an AppCDS archive from a training run, as the Docker image
              --aot N      JDK 24+ (--server-java): a training run of N realistic flows writes an AOT cache
                           (-XX:AOTCacheOutput; on JDK 25 with method profiles), the connector then starts with it
              --server-java PATH  the connector's java executable (default: the load generator's)
              --status-list-gets N  GETs of one status list after the maximum run, after N/2 untimed ones (0 skips them)
            """;

    BenchOptions {
        if (flows < 0 || warmup < 0 || concurrency < 1 || offers < 0 || statusListGets < 0 || compare < 0 || curve < 0 || window < 1) {
            throw new IllegalArgumentException("counts must be positive");
        }
        if (settle < 0 || settle >= 1) throw new IllegalArgumentException("--settle is a percentage below 100, 0 to turn it off");
        if (settle > 0 && settleMax < warmup) throw new IllegalArgumentException("--settle-max must be at least --warmup");
        if (cds && aot > 0) throw new IllegalArgumentException("--cds and --aot exclude each other");
        if (aot < 0) throw new IllegalArgumentException("--aot is a flow count");
        if (curve > 0 && curve < window) throw new IllegalArgumentException("--curve must be at least --window");
        if (wallets < concurrency) throw new IllegalArgumentException("--wallets must be at least --concurrency");
        if (!store.equals("memory") && !store.equals("redis")) throw new IllegalArgumentException("--store is memory or redis");
        if (redisClusterNodes != null && !store.equals("redis")) throw new IllegalArgumentException("--redis-cluster-nodes needs --store redis");
        serverJvm = List.copyOf(serverJvm);
    }

    BenchWallet.Mode otherMode() {
        return mode == BenchWallet.Mode.REALISTIC ? BenchWallet.Mode.POOLED : BenchWallet.Mode.REALISTIC;
    }

    static BenchOptions parse(String[] args) {
        int flows = 6000;
        int warmup = 12000;
        double settle = 5;
        int settleMax = 60_000;
        int concurrency = 8;
        BenchWallet.Mode mode = BenchWallet.Mode.REALISTIC;
        int wallets = 1000;
        int compare = 4000;
        int curve = 10_000;
        int window = 500;
        String store = "memory";
        String redisUrl = "redis://localhost:6379";
        int offers = 100_000;
        boolean halfRate = true;
        boolean cds = false;
        int aot = 0;
        Path serverJava = null;
        Path jar = null;
        String serverJvm = "-Xms1g -Xmx1g -XX:+UseG1GC";
        Path jfr = null;
        CryptoFloor.Counts counts = CryptoFloor.Counts.CURRENT;
        int statusListGets = 20_000;
        String clusterNodes = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--no-half-rate" -> halfRate = false;
                case "--pooled" -> mode = BenchWallet.Mode.POOLED;
                case "--cds" -> cds = true;
                default -> {
                    if (name.equals("--help") || i + 1 >= args.length) throw new IllegalArgumentException(USAGE);
                    String value = args[++i];
                    switch (name) {
                        case "--flows" -> flows = Integer.parseInt(value);
                        case "--warmup" -> warmup = Integer.parseInt(value);
                        case "--settle" -> settle = Double.parseDouble(value);
                        case "--settle-max" -> settleMax = Integer.parseInt(value);
                        case "--concurrency" -> concurrency = Integer.parseInt(value);
                        case "--wallets" -> wallets = Integer.parseInt(value);
                        case "--compare" -> compare = Integer.parseInt(value);
                        case "--curve" -> curve = Integer.parseInt(value);
                        case "--window" -> window = Integer.parseInt(value);
                        case "--store" -> store = value;
                        case "--redis-url" -> redisUrl = value;
                        case "--redis-cluster-nodes" -> clusterNodes = value;
                        case "--offers" -> offers = Integer.parseInt(value);
                        case "--jar" -> jar = Path.of(value);
                        case "--server-jvm" -> serverJvm = value;
                        case "--aot" -> aot = Integer.parseInt(value);
                        case "--server-java" -> serverJava = Path.of(value);
                        case "--jfr" -> jfr = Path.of(value).toAbsolutePath();
                        case "--floor-counts" -> counts = CryptoFloor.Counts.parse(value);
                        case "--status-list-gets" -> statusListGets = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
                    }
                }
            }
        }
        return new BenchOptions(flows, warmup, settle / 100, settleMax, concurrency, mode, wallets, compare, curve, window,
                store, redisUrl, offers, halfRate, jar, List.of(serverJvm.trim().split("\\s+")), cds, aot, serverJava, jfr,
                counts, statusListGets, clusterNodes);
    }
}
