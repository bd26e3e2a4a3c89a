package io.github.vciconnector.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs many calls at the same moment, each on its own thread, and returns their results in call order. */
public final class Race {

    private Race() {
    }

    public static <T> List<T> run(int callers, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            var gate = new CountDownLatch(1);
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < callers; i++) {
                int caller = i;
                Callable<T> task = () -> {
                    gate.await();
                    return call.apply(caller);
                };
                futures.add(pool.submit(task));
            }
            gate.countDown();
            var results = new ArrayList<T>();
            for (Future<T> future : futures) results.add(future.get());
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("a racing call failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
