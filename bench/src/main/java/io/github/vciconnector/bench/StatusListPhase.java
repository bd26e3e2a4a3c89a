package io.github.vciconnector.bench;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 12: {@code GET} of a Token Status List at maximum throughput, to set beside the complete flows/s (target:
 * at least 10x). One credential is issued first to learn a list URI; then the wallets' threads fetch that list as
 * verifiers would, each on its own HTTP client.
 */
final class StatusListPhase {

    record Result(int requests, int failures, Duration wall, int bytes) {
        double requestsPerSecond() {
            return (requests - failures) / (wall.toNanos() / 1e9);
        }
    }

    private StatusListPhase() {
    }

    static Result run(ConnectorProcess connector, BenchWallet.Population population, ExecutorService pool, int threads,
                      int requests)
            throws Exception {
        URI list = listUri(connector, population);
        // Not timed, as the flows' warm-up is not: the GET path's first thousands of requests run before the JIT has
        // compiled it, and would measure the compiler instead of the endpoint
        gets(list, pool, threads, requests / 2);
        return gets(list, pool, threads, requests);
    }

    private static Result gets(URI list, ExecutorService pool, int threads, int requests) throws Exception {
        var tickets = new AtomicInteger();
        var failures = new AtomicInteger();
        var size = new AtomicInteger();
        var futures = new ArrayList<Future<?>>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                var request = HttpRequest.newBuilder(list).header("Accept", "application/statuslist+jwt").GET().build();
                while (tickets.getAndIncrement() < requests) {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) failures.incrementAndGet();
                    else size.set(response.body().length);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) future.get();
        return new Result(requests, failures.get(), Duration.ofNanos(System.nanoTime() - start), size.get());
    }

    /** Issues one credential (HAIP wallet, like the load wallets) and reads its status.status_list.uri, on this connector's port. */
    @SuppressWarnings("unchecked")
    private static URI listUri(ConnectorProcess connector, BenchWallet.Population population) throws Exception {
        WalletProvider provider = population.provider();
        String clientId = "bench-status-list";
        var options = WalletOptions.defaults().withClientId(clientId).withClientAttestation(provider.clientAttestation(clientId, true))
                .withKeyProofs(provider.keyProofs(clientId));
        var wallet = new WalletClient(HttpClient.newHttpClient(), options);
        var http = BenchWallet.threads(connector, population, BenchWallet.Mode.POOLED, 1).get(0);
        String credential = wallet.receive(http.createOffer(), null, 1).credentials().get(0);
        String payload = new String(Base64.getUrlDecoder().decode(credential.split("~")[0].split("\\.")[1]), StandardCharsets.UTF_8);
        Map<String, Object> status = (Map<String, Object>) JSONObjectUtils.parse(payload).get("status");
        URI uri = URI.create((String) ((Map<String, Object>) status.get("status_list")).get("uri"));
        return connector.publicUri(uri.getRawPath());
    }
}
