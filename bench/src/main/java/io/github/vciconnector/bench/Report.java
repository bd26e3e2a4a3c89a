package io.github.vciconnector.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The printed result of one benchmark run, with the targets compared (reported, never asserted: a target
 * missed is labelled NOT MET and the run still succeeds).
 */
final class Report {

    private static final EnumSet<Latencies.Endpoint> WALLET_ENDPOINTS = EnumSet.of(Latencies.Endpoint.OFFER,
            Latencies.Endpoint.TOKEN, Latencies.Endpoint.NONCE, Latencies.Endpoint.CREDENTIAL);

    /** What a phase is for: which targets it is compared with. */
    enum Kind { WARMUP, MAXIMUM, COMPARISON, HALF_RATE }

    private final StringBuilder text = new StringBuilder();
    private final List<String> targets = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();
    private CryptoFloor.Costs floor;
    private CryptoFloor.Costs floorAfter;
    private long ticksPerSecond = 100;
    private final CryptoFloor.Counts counts;
    private final String store;
    private final int wallets;
    private LoadPhase.Result realistic;
    private LoadPhase.Result pooled;
    private WarmupCurve.Result curve;
    private JitSettling.Result settling;
    private int warmup;

    Report(BenchOptions options) {
        this.counts = options.floorCounts();
        this.store = options.store();
        this.wallets = options.wallets();
        line("== OpenID4VCI issuance benchmark: store %s, concurrency %d, %d flows (+%d warm-up), %d CPUs, JDK %s",
                options.store(), options.concurrency(), options.flows(), options.warmup(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        line("main mode: %s", options.mode().label(options.wallets()));
        line("connector JVM: %s, options %s%s", options.serverJava() == null ? "the load generator's" : options.serverJava(),
                String.join(" ", options.serverJvm()), options.cds() ? " + extracted jar with an AppCDS archive (--cds)"
                        : options.aot() > 0 ? " + extracted jar with an AOT cache from a training run (--aot)" : "");
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

    void cds(ConnectorProcess.Cds cds) {
        line("AppCDS: training run %.1f s, connector started from %s with %s", cds.training().toNanos() / 1e9, cds.jar(),
                String.join(" ", cds.jvmOptions()));
    }

    void aot(int flows, double seconds, java.nio.file.Path cache) {
        line("AOT cache: training run of %d realistic flows and writing the cache took %.1f s; connector started with"
                + " -XX:AOTCache=%s", flows, seconds, cache);
    }

    void floor(CryptoFloor.Costs costs) {
        this.floor = costs;
        line("crypto floor (jose.Es256 on BouncyCastle, one thread, warmed up, thread CPU time): sign %.3f ms, verify with a fresh key %.3f ms"
                + " (2,048 distinct keys, no precomputation kept), verify with a kept key %.3f ms, X.509 signature %.3f ms",
                costs.signNanos() / 1e6, costs.freshVerifyNanos() / 1e6, costs.knownVerifyNanos() / 1e6, costs.x509VerifyNanos() / 1e6);
        line("  fresh-key floor per flow: %d sign (SD-JWT VC) + %d verifies with fresh wallet keys (2 DPoP, attestation PoP,"
                + " key proof) + %d with the kept wallet-provider key (wallet and key attestation) + %d X.509 = %.3f ms",
                counts.signs(), counts.freshKeyVerifies(), counts.knownKeyVerifies(), counts.x509Verifies(), floorMillis());
    }

    void curve(WarmupCurve.Result result) {
        this.curve = result;
        line("");
        line("-- warm-up curve (cold connector of its own, realistic mode, %d flows, %d failed%s)", result.flows(),
                result.failures(), result.firstFailure() == null ? "" : " (first: " + result.firstFailure() + ")");
        line("   ready %.2f s; first credential %.2f s after process start (flow 1 alone: %.0f ms, %.1f ms server CPU);"
                        + " start-up CPU %.0f ms", result.ready().toNanos() / 1e9, result.firstCredential().toNanos() / 1e9,
                result.firstFlow().toNanos() / 1e6, result.firstFlowCpuMillis(), result.startupCpuMillis());
        line("   %-13s %14s %16s %10s", "flows", "server CPU ms", "of which JIT ms", "flows/s");
        for (int i = 0; i < result.cpuMillis().length; i++) {
            line("   %6d-%-6d %14.2f %16.2f %10.0f", i * result.window() + 1, (i + 1) * result.window(), result.cpuPerFlow(i),
                    result.compilerPerFlow(i), result.window() / result.wallSeconds()[i]);
        }
    }

    void phase(LoadPhase.Result result, BenchWallet.Mode mode, Kind kind) {
        line("");
        line("-- %s, %s: %d flows ok, %d failed%s, %.1f s -> %.0f complete flows/s", result.name(), mode.label(wallets),
                result.flows() - result.failures(), result.failures(),
                result.firstFailure() == null ? "" : " (first: " + result.firstFailure() + ")",
                result.wall().toNanos() / 1e9, result.flowsPerSecond());
        line("   server CPU %.2f ms per flow = %.2fx the fresh-key floor; load generator CPU %.2f ms per flow; refused requests %d",
                result.serverCpuMillisPerFlow(), result.serverCpuMillisPerFlow() / floorMillis(),
                result.generatorCpuMillisPerFlow(), result.refusals());
        if (kind == Kind.WARMUP) return;
        threads(result);
        double jit = jitMillisPerFlow(result);
        line("   server CPU without the JIT compiler threads: %.2f ms per flow = %.2fx the fresh-key floor",
                result.serverCpuMillisPerFlow() - jit, (result.serverCpuMillisPerFlow() - jit) / floorMillis());
        line("   %-28s %7s %8s %8s %8s", "endpoint", "count", "p50 ms", "p95 ms", "p99 ms");
        for (Latencies.Endpoint endpoint : Latencies.Endpoint.values()) {
            int count = result.latencies().count(endpoint);
            if (count == 0) continue;
            line("   %-28s %7d %8.2f %8.2f %8.2f", endpoint.label, count, result.latencies().percentileMillis(endpoint, 50),
                    result.latencies().percentileMillis(endpoint, 95), result.latencies().percentileMillis(endpoint, 99));
        }
        if (kind == Kind.MAXIMUM || kind == Kind.COMPARISON) {
            if (mode == BenchWallet.Mode.REALISTIC) realistic = result;
            else pooled = result;
        }
        if (kind == Kind.MAXIMUM && store.equals("memory")) {
            target("at least 1,000 complete flows/s (memory store, generator on the same machine)", result.flowsPerSecond() >= 1000,
                    String.format("%.0f flows/s (%s)", result.flowsPerSecond(), mode.name().toLowerCase()));
        }
        if (kind == Kind.HALF_RATE) {
            double worst = 0;
            for (Latencies.Endpoint endpoint : WALLET_ENDPOINTS) worst = Math.max(worst, result.latencies().percentileMillis(endpoint, 99));
            target("p99 of each wallet endpoint under 20 ms at half the maximum", worst < 20,
                    String.format("worst p99 %.2f ms (%s)", worst, mode.name().toLowerCase()));
        }
    }

    /** The warm-up's second part ({@link JitSettling}): how long the JIT took to finish. */
    void settling(JitSettling.Result result, int warmup) {
        this.settling = result;
        this.warmup = warmup;
        int total = warmup + result.flows();
        line("   settling: %d more flows in %.1f s; %s after %d warm-up flows in all (JIT compiler threads %.1f %% of the"
                        + " connector's CPU in the last %d, threshold %.0f %%)", result.flows(), result.wall().toNanos() / 1e9,
                result.settled() ? "JIT settled" : "JIT NOT settled", total, 100 * result.lastShare(), JitSettling.CHUNK,
                100 * result.maxShare());
    }

    /** Where the connector's CPU time went, by thread group, in ms per flow (groups under 2% left out). */
    private void threads(LoadPhase.Result result) {
        long total = result.ticks();
        var parts = new StringBuilder();
        result.serverThreadTicks().entrySet().stream().filter(e -> e.getValue() * 50 >= total)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> parts.append(String.format("%s %.2f, ", e.getKey(), e.getValue() * 1000.0 / ticksPerSecond / result.flows())));
        line("   server CPU by thread, ms per flow: %s", parts.length() == 0 ? "-" : parts.substring(0, parts.length() - 2));
    }

    private double jitMillisPerFlow(LoadPhase.Result result) {
        return result.jitTicks() * 1000.0 / ticksPerSecond / result.flows();
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

    /**
     * The floor the ratios use: the mean of the one before the load and the one after the measured run once both
     * exist. This machine's speed drifts over minutes (a fresh-key verification took 0.165 ms in one run and 0.224 ms
     * in the next), so a floor taken once, minutes before the run, can be 25 % off the machine the server met.
     */
    private double floorMillis() {
        double before = floor.floorNanosPerFlow(counts) / 1e6;
        return floorAfter == null ? before : (before + floorAfter.floorNanosPerFlow(counts) / 1e6) / 2;
    }

    /** The floor again, right after the measured run (the connector idle), for {@link #floorMillis}. */
    void floorAgain(CryptoFloor.Costs costs) {
        double before = floorMillis();
        this.floorAfter = costs;
        line("");
        line("crypto floor again, after the measured run: sign %.3f ms, verify with a fresh key %.3f ms, with a kept key"
                        + " %.3f ms -> %.3f ms per flow (before the load %.3f ms); the summary uses the mean, %.3f ms",
                costs.signNanos() / 1e6, costs.freshVerifyNanos() / 1e6, costs.knownVerifyNanos() / 1e6,
                costs.floorNanosPerFlow(counts) / 1e6, before, floorMillis());
    }

    /** The figures issue 16 names, side by side; the targets follow. */
    private void summarize() {
        double floorMillis = floorMillis();
        summary.add(String.format("fresh-key ECDSA floor per flow: %.3f ms%s", floorMillis,
                floorAfter == null ? "" : " (mean of the floors before the load and after the measured run)"));
        if (realistic != null) {
            double cpu = realistic.serverCpuMillisPerFlow();
            String steadyAfter = settling == null ? "" : String.format(" after %d warm-up flows (JIT %s)",
                    warmup + settling.flows(), settling.settled() ? "settled" : "not settled");
            summary.add(String.format("realistic mode, steady state%s: server CPU %.2f ms per flow = %.2fx the floor (%.2f ms ="
                    + " %.2fx without the JIT compiler threads), %.0f flows/s", steadyAfter, cpu, cpu / floorMillis,
                    cpu - jitMillisPerFlow(realistic), (cpu - jitMillisPerFlow(realistic)) / floorMillis, realistic.flowsPerSecond()));
            target("realistic mode, steady state: server CPU per flow at most 3x the fresh-key floor", cpu <= 3 * floorMillis,
                    String.format("%.2f ms / %.3f ms = %.2fx", cpu, floorMillis, cpu / floorMillis));
        }
        if (pooled != null) {
            double cpu = pooled.serverCpuMillisPerFlow();
            summary.add(String.format("pooled mode (earlier benchmark, keys reused): server CPU %.2f ms per flow = %.2fx the floor"
                    + " (%.2f ms without the JIT compiler threads), %.0f flows/s", cpu, cpu / floorMillis,
                    cpu - jitMillisPerFlow(pooled), pooled.flowsPerSecond()));
        }
        if (realistic != null && pooled != null) {
            summary.add(String.format("realistic / pooled server CPU per flow: %.2fx",
                    realistic.serverCpuMillisPerFlow() / pooled.serverCpuMillisPerFlow()));
        }
        if (curve != null) {
            summary.add(String.format("time to first credential from a cold start: %.2f s (ready %.2f s)",
                    curve.firstCredential().toNanos() / 1e9, curve.ready().toNanos() / 1e9));
            // the window of flows 501-1000 with the default window of 500; with another window, the one holding flow 1000
            int index = Math.min(curve.cpuMillis().length - 1, Math.max(0, 1000 / curve.window() - 1));
            String name = String.format("flows %d-%d", index * curve.window() + 1, (index + 1) * curve.window());
            if (realistic != null) {
                double steady = realistic.serverCpuMillisPerFlow();
                double ratio = curve.cpuPerFlow(index) / steady;
                summary.add(String.format("warm-up: %s cost %.2f ms per flow = %.2fx the steady state; first window %.2fx,"
                        + " last window %.2fx", name, curve.cpuPerFlow(index), ratio, curve.cpuPerFlow(0) / steady,
                        curve.cpuPerFlow(curve.cpuMillis().length - 1) / steady));
                target("warm-up from a cold start: CPU per flow in " + name + " at most 1.5x the steady state", ratio <= 1.5,
                        String.format("%.2f ms / %.2f ms = %.2fx", curve.cpuPerFlow(index), steady, ratio));
            }
        }
    }

    @Override
    public String toString() {
        summarize();
        var out = new StringBuilder(text).append("\nsummary (issue 16):\n");
        for (String line : summary) out.append("  ").append(line).append('\n');
        out.append("\ntargets (reported, not asserted):\n");
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
