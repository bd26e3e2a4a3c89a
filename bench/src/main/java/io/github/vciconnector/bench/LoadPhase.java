package io.github.vciconnector.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs N complete flows on the wallets, either as fast as they go (closed loop) or paced at a fixed rate of flow
 * starts (open loop, for latencies below saturation), and measures the connector's CPU time around them.
 */
final class LoadPhase {

    /** What one phase measured. {@code serverCpu} comes from {@code /proc} of the connector process. */
    record Result(String name, int flows, int failures, String firstFailure, Duration wall, Duration serverCpu,
                  Duration generatorCpu, int refusals, Latencies latencies, Map<String, Long> serverThreadTicks) {

        double flowsPerSecond() {
            return (flows - failures) / (wall.toNanos() / 1e9);
        }

        double serverCpuMillisPerFlow() {
            return serverCpu.toNanos() / 1e6 / flows;
        }

        double generatorCpuMillisPerFlow() {
            return generatorCpu.toNanos() / 1e6 / flows;
        }

        /** CPU ticks of the JIT compiler threads (C1 and C2) in this phase. */
        long jitTicks() {
            return serverThreadTicks.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        /** CPU ticks of all the connector's threads (user and system) in this phase. */
        long ticks() {
            return serverThreadTicks.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The JIT compiler threads' part of the connector's CPU ticks in this phase. */
        double jitShare() {
            long total = ticks();
            return total == 0 ? 0 : (double) jitTicks() / total;
        }
    }

    private LoadPhase() {
    }

    /** @param flowsPerSecond the pace of flow starts, or 0 for as fast as the wallets go */
    static Result run(String name, ConnectorProcess connector, List<BenchWallet> wallets, ExecutorService pool,
                      int flows, double flowsPerSecond) throws Exception {
        FreshKeys keys = wallets.get(0).mode() == BenchWallet.Mode.REALISTIC ? FreshKeys.forFlows(flows) : null;
        return run(name, connector, wallets, pool, flows, flowsPerSecond, keys, done -> { });
    }

    /**
     * @param keys      the flows' keys in realistic mode, made before anything is timed (null in pooled mode)
     * @param completed told the number of flows finished so far after each flow (by the thread that finished it),
     *                  e.g. to read the server's CPU at window boundaries
     */
    static Result run(String name, ConnectorProcess connector, List<BenchWallet> wallets, ExecutorService pool,
                      int flows, double flowsPerSecond, FreshKeys keys, IntConsumer completed) throws Exception {
        if (keys != null && keys.flows() < flows) throw new IllegalArgumentException("fewer fresh keys than flows");
        for (BenchWallet wallet : wallets) wallet.use(keys);
        var done = new AtomicInteger();
        var perWallet = new ArrayList<Latencies>();
        int refusalsBefore = 0;
        for (BenchWallet wallet : wallets) {
            var latencies = new Latencies();
            perWallet.add(latencies);
            wallet.http().recordInto(latencies);
            refusalsBefore += wallet.http().refusals();
        }
        var tickets = new AtomicInteger();
        var failures = new AtomicInteger();
        var firstFailure = new String[1];
        long intervalNanos = flowsPerSecond > 0 ? (long) (1e9 / flowsPerSecond) : 0;
        Map<String, Long> threadsBefore = connector.cpuTicksByThreadGroup();
        Duration cpuBefore = connector.cpuTime();
        Duration generatorBefore = generatorCpu();
        long start = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (BenchWallet wallet : wallets) {
            futures.add(pool.submit(() -> {
                for (int ticket = tickets.getAndIncrement(); ticket < flows; ticket = tickets.getAndIncrement()) {
                    if (intervalNanos > 0) {
                        long due = start + ticket * intervalNanos;
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) LockSupport.parkNanos(wait);
                    }
                    try {
                        wallet.completeFlow(ticket);
                    } catch (Exception | AssertionError e) {
                        if (failures.getAndIncrement() == 0) firstFailure[0] = e.toString();
                    }
                    completed.accept(done.incrementAndGet());
                }
                return null;
            }));
        }
        for (Future<?> future : futures) future.get();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Duration serverCpu = connector.cpuTime().minus(cpuBefore);
        var threadTicks = new java.util.TreeMap<String, Long>(connector.cpuTicksByThreadGroup());
        threadsBefore.forEach((group, ticks) -> threadTicks.merge(group, -ticks, Long::sum));
        Duration generator = generatorCpu().minus(generatorBefore);
        int refusals = -refusalsBefore;
        for (BenchWallet wallet : wallets) refusals += wallet.http().refusals();
        return new Result(name, flows, failures.get(), firstFailure[0], wall, serverCpu, generator, refusals,
                Latencies.merge(perWallet), threadTicks);
    }

    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads);
    }

    private static Duration generatorCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
