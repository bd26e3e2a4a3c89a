package io.github.vciconnector.bench;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A JDK HTTP client (HTTP/1.1, keep-alive) that times each synchronous exchange, from sending the request to
 * having read the whole response, and files it under its endpoint. The demo wallet signs its proofs before
 * calling {@code send}, so wallet-side signing is not part of the latencies. One instance per wallet thread.
 */
final class TimingHttpClient extends HttpClient {

    private final HttpClient delegate = HttpClient.newBuilder().version(Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Latencies sink = new Latencies();
    private volatile int refusals;

    /** Starts filing the following exchanges into {@code latencies}. */
    void recordInto(Latencies latencies) {
        this.sink = latencies;
    }

    /** Answers with status 4xx or 5xx so far, e.g. DPoP nonce challenges that the wallet then retries. */
    int refusals() {
        return refusals;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<T> response = delegate.send(request, handler);
        sink.record(endpoint(request), System.nanoTime() - start);
        if (response.statusCode() >= 400) refusals++;
        return response;
    }

    static Latencies.Endpoint endpoint(HttpRequest request) {
        String path = request.uri().getPath();
        if (path.equals("/offers")) return Latencies.Endpoint.CREATE_OFFER;
        if (path.startsWith("/oidc4vci/offers/")) return Latencies.Endpoint.OFFER;
        if (path.equals("/oidc4vci/token")) return Latencies.Endpoint.TOKEN;
        if (path.equals("/oidc4vci/nonce")) return Latencies.Endpoint.NONCE;
        if (path.equals("/oidc4vci/credential")) return Latencies.Endpoint.CREDENTIAL;
        return Latencies.Endpoint.OTHER;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
