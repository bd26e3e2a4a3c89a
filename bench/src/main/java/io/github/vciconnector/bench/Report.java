package io.github.vciconnector.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The printed result of one benchmark run, with the targets compared (reported, never asserted). */
final class Report {

    private static final EnumSet<Latencies.Endpoint> WALLET_ENDPOINTS = EnumSet.of(Latencies.Endpoint.OFFER,
            Latencies.Endpoint.TOKEN, Latencies.Endpoint.NONCE, Latencies.Endpoint.CREDENTIAL);

    private final StringBuilder text = new StringBuilder();
    private final List<String> targets = new ArrayList<>();
    private CryptoFloor.Costs floor;
    private LoadPhase.Result max;
    private long ticksPerSecond = 100;
    private final CryptoFloor.Counts counts;
    private final String store;

    Report(BenchOptions options) {
        this.counts = options.floorCounts();
        this.store = options.store();
        line("== OpenID4VCI issuance benchmark: store %s, concurrency %d, %d flows (+%d warm-up), %d CPUs, JDK %s",
                options.store(), options.concurrency(), options.flows(), options.warmup(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        line("connector JVM options: %s", String.join(" ", options.serverJvm()));
    }

    void machine(String loadAverage) {
        line("load average (1, 5, 15 min; other processes included): %s", loadAverage);
    }

    void started(ConnectorProcess connector) throws IOException {
        ticksPerSecond = connector.clockTicksPerSecond();
        double seconds = connector.ready().toNanos() / 1e9;
        line("ready: %.2f s from process start to /actuator/health UP (Spring Boot: \"%s\")", seconds, connector.startedLine());
        target("ready in under 3 s", seconds < 3, String.format("%.2f s", seconds));
    }

    void floor(CryptoFloor.Costs costs) {
        this.floor = costs;
        line("crypto floor (jose.Es256 on BouncyCastle, one thread, warmed up): sign %.3f ms, verify with a new key %.3f ms,"
                + " verify with a kept key %.3f ms, X.509 signature %.3f ms", costs.signNanos() / 1e6,
                costs.freshVerifyNanos() / 1e6, costs.knownVerifyNanos() / 1e6, costs.x509VerifyNanos() / 1e6);
        line("  per flow: %d sign + %d verifies (new key) + %d verifies (kept key) + %d X.509 = %.3f ms", counts.signs(),
                counts.freshKeyVerifies(), counts.knownKeyVerifies(), counts.x509Verifies(), costs.floorNanosPerFlow(counts) / 1e6);
    }

    void phase(LoadPhase.Result result, boolean detailed) {
        line("");
        line("-- %s: %d flows ok, %d failed%s, %.1f s -> %.0f complete flows/s", result.name(), result.flows() - result.failures(),
                result.failures(), result.firstFailure() == null ? "" : " (first: " + result.firstFailure() + ")",
                result.wall().toNanos() / 1e9, result.flowsPerSecond());
        double floorMillis = floor.floorNanosPerFlow(counts) / 1e6;
        line("   server CPU %.2f ms per flow = %.2fx the crypto floor; load generator CPU %.2f ms per flow; refused requests %d",
                result.serverCpuMillisPerFlow(), result.serverCpuMillisPerFlow() / floorMillis,
                result.generatorCpuMillisPerFlow(), result.refusals());
        if (!detailed) return;
        threads(result);
        double jit = result.serverThreadTicks().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum() * 1000.0 / ticksPerSecond / result.flows();
        line("   server CPU without the JIT compiler threads (still warming up): %.2f ms per flow = %.2fx the crypto floor",
                result.serverCpuMillisPerFlow() - jit, (result.serverCpuMillisPerFlow() - jit) / floorMillis);
        line("   %-28s %7s %8s %8s %8s", "endpoint", "count", "p50 ms", "p95 ms", "p99 ms");
        for (Latencies.Endpoint endpoint : Latencies.Endpoint.values()) {
            int count = result.latencies().count(endpoint);
            if (count == 0) continue;
            line("   %-28s %7d %8.2f %8.2f %8.2f", endpoint.label, count, result.latencies().percentileMillis(endpoint, 50),
                    result.latencies().percentileMillis(endpoint, 95), result.latencies().percentileMillis(endpoint, 99));
        }
        if (max == null) {
            max = result;
            target("server CPU per flow at most 3x the crypto floor", result.serverCpuMillisPerFlow() <= 3 * floorMillis,
                    String.format("%.2fx", result.serverCpuMillisPerFlow() / floorMillis));
            if (store.equals("memory")) {
                target("at least 1,000 complete flows/s (memory store, generator on the same machine)", result.flowsPerSecond() >= 1000,
                        String.format("%.0f flows/s", result.flowsPerSecond()));
            }
        } else {
            double worst = 0;
            for (Latencies.Endpoint endpoint : WALLET_ENDPOINTS) worst = Math.max(worst, result.latencies().percentileMillis(endpoint, 99));
            target("p99 of each wallet endpoint under 20 ms at half the maximum", worst < 20, String.format("worst p99 %.2f ms", worst));
        }
    }

    /** Where the connector's CPU time went, by thread group, in ms per flow (groups under 2% left out). */
    private void threads(LoadPhase.Result result) {
        long total = result.serverThreadTicks().values().stream().mapToLong(Long::longValue).sum();
        var parts = new StringBuilder();
        result.serverThreadTicks().entrySet().stream().filter(e -> e.getValue() * 50 >= total)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> parts.append(String.format("%s %.2f, ", e.getKey(), e.getValue() * 1000.0 / ticksPerSecond / result.flows())));
        line("   server CPU by thread, ms per flow: %s", parts.length() == 0 ? "-" : parts.substring(0, parts.length() - 2));
    }

    /** Issue 12: status list GETs beside complete flows, as a ratio. */
    void statusList(StatusListPhase.Result result, LoadPhase.Result flows) {
        double ratio = result.requestsPerSecond() / flows.flowsPerSecond();
        line("");
        line("-- status list GET: %d requests ok, %d failed, %.1f s -> %.0f GET/s (token %d bytes) = %.1fx the %.0f complete flows/s",
                result.requests() - result.failures(), result.failures(), result.wall().toNanos() / 1e9, result.requestsPerSecond(),
                result.bytes(), ratio, flows.flowsPerSecond());
        target("status list GET at least 10x the complete flows/s", ratio >= 10, String.format("%.1fx", ratio));
    }

    void idle(double cpuMillisPerSecond) {
        line("");
        line("idle connector (5 s without requests, after the run): %.1f ms CPU per second", cpuMillisPerSecond);
    }

    void heap(HeapPerOffer.Result result) {
        line("");
        line("heap per pending offer: %d offers in %.1f s, retained heap %.1f MB -> %.1f MB = %.0f bytes per offer",
                result.offers(), result.seconds(), result.before() / 1e6, result.after() / 1e6, result.bytesPerOffer());
        target("at most 2 KB of heap per pending offer", result.bytesPerOffer() <= 2048, String.format("%.0f bytes", result.bytesPerOffer()));
    }

    @Override
    public String toString() {
        var out = new StringBuilder(text).append("\ntargets (reported, not asserted):\n");
        for (String target : targets) out.append("  ").append(target).append('\n');
        return out.toString();
    }

    private void target(String name, boolean met, String value) {
        targets.add(String.format("%-8s %s: %s", met ? "MET" : "NOT MET", name, value));
    }

    private void line(String format, Object... args) {
        String line = String.format(format, args);
        text.append(line).append('\n');
        System.out.println(line); // progress while the run goes on; the whole report is printed again at the end
    }
}
