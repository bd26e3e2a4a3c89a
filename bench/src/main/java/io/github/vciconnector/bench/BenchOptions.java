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
 * @param statusListGets GETs of one Token Status List after the maximum-throughput phase (0 skips it)
 */
record BenchOptions(int flows, int warmup, int concurrency, String store, String redisUrl, int offers, boolean halfRate,
                    Path jar, List<String> serverJvm, Path jfr, CryptoFloor.Counts floorCounts, int statusListGets) {

    static final String USAGE = """
            bench/run [--flows 6000] [--warmup 12000] [--concurrency 8] [--store memory|redis]
                      [--redis-url redis://localhost:6379] [--offers 100000] [--no-half-rate]
                      [--jar connector/target/issuer-connector-<version>.jar] [--server-jvm "-Xms1g -Xmx1g -XX:+UseG1GC"] [--jfr file.jfr]
                      [--floor-counts 1,4,2,0]  (signs, verifies with a new key, with a kept key, X.509 per flow)
                      [--status-list-gets 20000]  (GETs of one status list after the maximum run; 0 skips them)
            """;

    BenchOptions {
        if (flows < 1 || warmup < 0 || concurrency < 1 || offers < 0 || statusListGets < 0) throw new IllegalArgumentException("counts must be positive");
        if (!store.equals("memory") && !store.equals("redis")) throw new IllegalArgumentException("--store is memory or redis");
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
        int statusListGets = 20_000;
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
                case "--offers" -> offers = Integer.parseInt(value);
                case "--jar" -> jar = Path.of(value);
                case "--server-jvm" -> serverJvm = value;
                case "--jfr" -> jfr = Path.of(value).toAbsolutePath();
                case "--floor-counts" -> counts = CryptoFloor.Counts.parse(value);
                case "--status-list-gets" -> statusListGets = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new BenchOptions(flows, warmup, concurrency, store, redisUrl, offers, halfRate, jar,
                List.of(serverJvm.trim().split("\\s+")), jfr, counts, statusListGets);
    }
}
