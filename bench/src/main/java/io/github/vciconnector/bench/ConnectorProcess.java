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
    private final long startNanos;
    private final long readyNanos;
    private final Path log;
    private final long clockTicksPerSecond;

    private ConnectorProcess(Process process, int publicPort, int managementPort, long startNanos, long readyNanos, Path log) {
        this.process = process;
        this.startNanos = startNanos;
        this.publicPort = publicPort;
        this.managementPort = managementPort;
        this.readyNanos = readyNanos;
        this.log = log;
        this.clockTicksPerSecond = Long.parseLong(run("getconf", "CLK_TCK").trim());
    }

    /** Starts the jar and returns once {@code /actuator/health} answers UP on the management port. */
    static ConnectorProcess start(BenchOptions options, Path jar, Path certs, Path workDir) throws Exception {
        return start(options, jar, certs, workDir, List.of());
    }

    /** @param extraJvm JVM options after {@code --server-jvm}'s, e.g. the class-data-sharing archive of {@link #withCds} */
    static ConnectorProcess start(BenchOptions options, Path jar, Path certs, Path workDir, List<String> extraJvm) throws Exception {
        int[] ports = freePorts();
        int publicPort = ports[0];
        int managementPort = ports[1];
        var command = new ArrayList<String>();
        command.add(java(options));
        command.addAll(options.serverJvm());
        command.addAll(extraJvm);
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
        long deadline = start + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("connector exited, see " + log);
            try {
                var response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return new ConnectorProcess(process, publicPort, managementPort, start, System.nanoTime() - start, log);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("connector not ready within 180 s, see " + log);
    }

    /**
     * The Docker image's way of running the connector (Dockerfile, docs/performance.md "Start-up"): the jar extracted
     * with Spring Boot's jar mode, and an AppCDS archive written by a training run that stops once the context is
     * refreshed. The training run uses the benchmark's own configuration and {@code --server-jvm}, as an archive only
     * serves a JVM started with compatible options. Returns the extracted jar and the options that use the archive.
     */
    static Cds withCds(BenchOptions options, Path jar, Path certs, Path workDir) throws Exception {
        Path dir = Files.createTempDirectory("bench-cds-");
        Path extracted = extract(options, jar, dir);
        Path archive = dir.resolve("app.jsa");
        var command = new ArrayList<String>();
        command.add(java(options));
        command.addAll(options.serverJvm());
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        int[] ports = freePorts();
        builder.environment().putAll(environment(options, certs, ports[0], ports[1], workDir));
        Path log = Files.createTempFile("connector-cds-training-", ".log");
        builder.redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process training = builder.start();
        if (!training.waitFor(300, TimeUnit.SECONDS) || !Files.exists(archive)) {
            training.destroyForcibly();
            throw new IllegalStateException("CDS training run failed, see " + log);
        }
        return new Cds(extracted, List.of("-XX:SharedArchiveFile=" + archive), Duration.ofNanos(System.nanoTime() - start));
    }

    /** An extracted connector jar, the JVM options that use its archive, and how long the training run took. */
    record Cds(Path jar, List<String> jvmOptions, Duration training) {
    }

    /** Spring Boot's extracted layout (a jar with its libraries beside it), which CDS and the AOT cache need. */
    static Path extract(BenchOptions options, Path jar, Path dir) {
        run(java(options), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.toString());
        return dir.resolve(jar.getFileName());
    }

    /** The connector's java: {@code --server-java}, else the load generator's own. */
    private static String java(BenchOptions options) {
        if (options.serverJava() != null) return options.serverJava().toString();
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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

    /** Time since the process was started. */
    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** CPU ticks of the JIT compiler threads so far (C1 and C2). */
    long compilerTicks() throws IOException {
        return cpuTicksByThreadGroup().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum();
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
        stop(Duration.ofSeconds(15));
    }

    /** Stops the process (SIGTERM: graceful shutdown, then the JVM's exit work, e.g. writing an AOT cache). */
    void stop(Duration wait) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) process.destroyForcibly().waitFor();
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

    /** Two distinct free ports: both sockets are open at once, so the system cannot hand out the same port twice. */
    private static int[] freePorts() throws IOException {
        try (var first = new ServerSocket(0); var second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }
}
