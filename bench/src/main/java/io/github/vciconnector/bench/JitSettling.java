package io.github.vciconnector.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The rest of the warm-up: chunks of flows until the JIT has finished, so that the measured run is a steady state.
 * On two shared cores C2 is still compiling after 12,000 flows (a quarter of the connector's CPU then, and the
 * request threads still partly in profiled C1 code), so a fixed warm-up count measures the tail of the warm-up,
 * not the steady state (docs/performance.md, "Steady state"). A chunk counts as settled once the JIT compiler threads
 * took under {@code maxShare} of the connector's CPU in it.
 */
final class JitSettling {

    static final int CHUNK = 2000;

    /** The flows it ran, how long, the JIT's share in the last chunk, and whether that was under the threshold. */
    record Result(int flows, Duration wall, double lastShare, double maxShare, boolean settled) {
    }

    private JitSettling() {
    }

    /** Runs chunks until one is settled or {@code maxFlows} have run (flows of the warm-up before it included). */
    static Result run(ConnectorProcess connector, List<BenchWallet> wallets, ExecutorService pool, int flowsBefore,
                      double maxShare, int maxFlows) throws Exception {
        int flows = 0;
        Duration wall = Duration.ZERO;
        double share = 1;
        while (flowsBefore + flows < maxFlows) {
            int chunk = Math.min(CHUNK, maxFlows - flowsBefore - flows);
            LoadPhase.Result result = LoadPhase.run("settling", connector, wallets, pool, chunk, 0);
            flows += chunk;
            wall = wall.plus(result.wall());
            share = result.jitShare();
            if (share < maxShare) return new Result(flows, wall, share, maxShare, true);
        }
        return new Result(flows, wall, share, maxShare, false);
    }
}
