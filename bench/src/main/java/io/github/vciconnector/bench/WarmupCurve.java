package io.github.vciconnector.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The warm-up curve: a connector started cold runs {@code flows} realistic flows at full concurrency, and the
 * server's CPU is read every {@code window} flows, so the cost of flows 1-500, 501-1000, ... shows how long the
 * JIT takes to reach the steady state. The first flow runs alone, right after the connector is ready: time to
 * first credential is from the process start to that flow's credential. All keys are made before the process
 * starts, so nothing of the load generator's set-up falls between ready and the first flow.
 */
final class WarmupCurve {

    /**
     * @param cpuMillis      server CPU (whole process) of each window
     * @param compilerMillis of it, in the JIT compiler threads
     * @param wallSeconds    wall time of each window
     */
    record Result(int window, int flows, Duration ready, Duration firstCredential, Duration firstFlow, double startupCpuMillis,
                  double firstFlowCpuMillis, double[] cpuMillis, double[] compilerMillis, double[] wallSeconds, int failures,
                  String firstFailure) {

        double cpuPerFlow(int i) {
            return cpuMillis[i] / window;
        }

        double compilerPerFlow(int i) {
            return compilerMillis[i] / window;
        }
    }

    private WarmupCurve() {
    }

    /** Runs on a freshly started {@code connector}; {@code keys} hold {@code flows} flows' keys. */
    static Result run(ConnectorProcess connector, List<BenchWallet> wallets, ExecutorService pool, int flows, int window,
                      FreshKeys keys) throws Exception {
        long ticksPerSecond = connector.clockTicksPerSecond();
        double startupCpu = connector.cpuTime().toNanos() / 1e6;
        // Flow 1, alone.
        LoadPhase.Result first = LoadPhase.run("first flow", connector, wallets.subList(0, 1), pool, 1, 0, keys, done -> { });
        Duration firstCredential = connector.sinceStart();
        int windows = flows / window;
        var cpu = new double[windows];
        var compiler = new double[windows];
        var wall = new double[windows];
        var lastCpu = new double[] {startupCpu};
        var lastCompiler = new double[] {connector.compilerTicks() * 1000.0 / ticksPerSecond};
        var lastNanos = new long[] {System.nanoTime()};
        // The first window holds flow 1 too: its CPU counts from ready (the start-up itself is reported apart).
        LoadPhase.Result rest = LoadPhase.run("warm-up curve", connector, wallets, pool, windows * window - 1, 0, keys.after(1),
                done -> {
                    int finished = done + 1;
                    if (finished % window != 0) return;
                    synchronized (cpu) {
                        try {
                            int i = finished / window - 1;
                            double now = connector.cpuTime().toNanos() / 1e6;
                            double compilerNow = connector.compilerTicks() * 1000.0 / ticksPerSecond;
                            long nanos = System.nanoTime();
                            cpu[i] = now - lastCpu[0];
                            compiler[i] = compilerNow - lastCompiler[0];
                            wall[i] = (nanos - lastNanos[0]) / 1e9;
                            lastCpu[0] = now;
                            lastCompiler[0] = compilerNow;
                            lastNanos[0] = nanos;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
        return new Result(window, windows * window, connector.ready(), firstCredential, first.wall(), startupCpu,
                first.serverCpu().toNanos() / 1e6, cpu, compiler, wall, first.failures() + rest.failures(),
                first.firstFailure() != null ? first.firstFailure() : rest.firstFailure());
    }
}
