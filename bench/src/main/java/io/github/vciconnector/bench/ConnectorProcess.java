package io.github.vciconnector.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connector under test, as a separate process started from its jar with the production configuration
 * (environment variables, HAIP strict, development certificates). Its CPU time is read from {@code /proc}, its heap
 * with {@code jcmd}, so nothing of the load generator is counted.
 */
final class ConnectorProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final Process process;
    private final int publicPort;
    private final int managementPort;
    private final long readyNanos;
    private final Path log;
    private final long clockTicksPerSecond;

    private ConnectorProcess(Process process, int publicPort, int managementPort, long readyNanos, Path log) {
        this.process = process;
        this.publicPort = publicPort;
        this.managementPort = managementPort;
        this.readyNanos = readyNanos;
        this.log = log;
        this.clockTicksPerSecond = Long.parseLong(run("getconf", "CLK_TCK").trim());
    }

    /** Starts the jar and returns once {@code /actuator/health} answers UP on the management port. */
    static ConnectorProcess start(BenchOptions options, Path jar, Path certs, Path workDir) throws Exception {
        int publicPort = freePort();
        int managementPort = freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.serverJvm());
        // From the start: starting a recording later deoptimises compiled code and distorts the measured run.
        if (options.jfr() != null) command.add("-XX:StartFlightRecording=name=bench,settings=profile");
        command.add("-jar");
        command.add(jar.toString());
        var builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(environment(options, certs, publicPort, managementPort, workDir));
        Path log = Files.createTempFile("connector-", ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        URI health = URI.create("http://localhost:" + managementPort + "/actuator/health");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = start + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("connector exited, see " + log);
            try {
                var response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return new ConnectorProcess(process, publicPort, managementPort, System.nanoTime() - start, log);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("connector not ready within 60 s, see " + log);
    }

    private static Map<String, String> environment(BenchOptions options, Path certs, int publicPort, int managementPort,
                                                   Path workDir) {
        var env = new java.util.HashMap<String, String>();
        env.put("SERVER_PORT", Integer.toString(publicPort));
        env.put("CONNECTOR_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("CONNECTOR_PUBLIC_BASE_URL", "http://localhost:" + publicPort);
        env.put("CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH", certs.resolve("signing.pem").toString());
        env.put("CONNECTOR_CERTIFICATES_SIGNING_KEY_PATH", certs.resolve("signing.key").toString());
        env.put("CONNECTOR_CERTIFICATES_ACCESS_CERT_PATH", certs.resolve("access.pem").toString());
        env.put("CONNECTOR_CERTIFICATES_ACCESS_KEY_PATH", certs.resolve("access.key").toString());
        env.put("CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS", certs.resolve("wallet-provider-ca.pem").toString());
        env.put("CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS", certs.resolve("wallet-provider-ca.pem").toString());
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_ID", "IdentityCredential");
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_VCT_SOURCE", "local");
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_VCT_FILEPATH",
                workDir.resolve("type-metadata/identity-credential.json").toString());
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_SCOPE", "identity_credential");
        env.put("CONNECTOR_HAIP_WALLET_ATTESTATION", "required");
        env.put("CONNECTOR_HAIP_KEY_ATTESTATION", "required");
        env.put("CONNECTOR_CALLBACK_URL", "");
        // No offer may expire while heap per pending offer is measured.
        env.put("CONNECTOR_OFFERS_DEFAULT_TTL", "2h");
        env.put("CONNECTOR_SESSION_STORE", options.store());
        if (options.store().equals("redis")) {
            env.put("SPRING_DATA_REDIS_URL", options.redisUrl());
            // A cluster wins over the URL (Spring Boot); the connector picks its cluster key layout (16 shards)
            if (options.redisClusterNodes() != null) env.put("SPRING_DATA_REDIS_CLUSTER_NODES", options.redisClusterNodes());
            env.put("CONNECTOR_REDIS_KEY_PREFIX", redisKeyPrefix());
            // The Redis store refuses to start without a master secret; one per run, like the key prefix
            byte[] masterSecret = new byte[32];
            new java.security.SecureRandom().nextBytes(masterSecret);
            env.put("CONNECTOR_SECRETS_KEY", java.util.Base64.getEncoder().encodeToString(masterSecret));
        }
        return env;
    }

    /** Keys of this run in a shared Redis, e.g. {@code bench-1234:}. */
    static String redisKeyPrefix() {
        return "bench-" + ProcessHandle.current().pid() + ":";
    }

    URI publicUri(String path) {
        return URI.create("http://localhost:" + publicPort + path);
    }

    URI managementUri(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    Duration ready() {
        return Duration.ofNanos(readyNanos);
    }

    /** The line in which Spring Boot reports its own start time, e.g. "Started ConnectorApplication in 2.1 seconds". */
    String startedLine() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("Started ConnectorApplication")).findFirst()
                .map(l -> l.substring(l.indexOf("Started "))).orElse("(not found)");
    }

    Path log() {
        return log;
    }

    /** User plus system CPU time of the whole connector process so far (all threads, GC and JIT included). */
    Duration cpuTime() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // The command name may hold spaces; fields are counted after its closing parenthesis (proc(5): 14 utime, 15 stime).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofNanos(ticks * 1_000_000_000L / clockTicksPerSecond);
    }

    /**
     * CPU ticks per thread group so far: thread names with digits folded ("http-nio-8080-exec-3" and "-7" count as
     * one group), and user and system time apart, to show where the time goes besides request handling.
     */
    Map<String, Long> cpuTicksByThreadGroup() throws IOException {
        var groups = new java.util.TreeMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                groups.merge(name + " user", Long.parseLong(fields[11]), Long::sum);
                groups.merge(name + " system", Long.parseLong(fields[12]), Long::sum);
            }
        }
        return groups;
    }

    long clockTicksPerSecond() {
        return clockTicksPerSecond;
    }

    /** Runs a full GC in the connector and returns the heap then in use, i.e. what is retained. */
    long retainedHeapBytes() {
        run("jcmd", Long.toString(process.pid()), "GC.run");
        String info = run("jcmd", Long.toString(process.pid()), "GC.heap_info");
        Matcher matcher = HEAP_USED.matcher(info);
        if (!matcher.find()) throw new IllegalStateException("unexpected GC.heap_info output: " + info);
        return Long.parseLong(matcher.group(1)) * 1024;
    }

    /** Writes what the flight recording holds of the last {@code seconds} (execution samples every 10 ms) to {@code file}. */
    void dumpFlightRecording(Path file, long seconds) {
        run("jcmd", Long.toString(process.pid()), "JFR.dump", "name=bench", "filename=" + file, "begin=-" + seconds + "s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
