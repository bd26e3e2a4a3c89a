package io.github.vciconnector.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heap retained per pending offer: full GC and heap in use, {@code count} offers created through the management API
 * (several at a time, to be quick), full GC and heap in use again. Offers live for hours, so none expires meanwhile.
 */
final class HeapPerOffer {

    record Result(int offers, long before, long after, double seconds) {
        double bytesPerOffer() {
            return (after - before) / (double) offers;
        }
    }

    private HeapPerOffer() {
    }

    static Result measure(ConnectorProcess connector, ExecutorService pool, int threads, int count) throws Exception {
        long before = connector.retainedHeapBytes();
        var next = new AtomicInteger();
        long start = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest request = HttpRequest.newBuilder(connector.managementUri("/offers"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BenchWallet.OFFER_REQUEST, StandardCharsets.UTF_8)).build();
                while (next.getAndIncrement() < count) {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 201) throw new IllegalStateException("POST /offers answered " + status);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) future.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(count, before, connector.retainedHeapBytes(), seconds);
    }
}
