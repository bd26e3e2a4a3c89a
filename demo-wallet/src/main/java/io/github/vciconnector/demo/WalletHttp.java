package io.github.vciconnector.demo;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The wallet's HTTP plumbing on the JDK client: GET, form POST, JSON POST and empty POST, never throwing on an
 * HTTP status. Every answer's {@code DPoP-Nonce} header is remembered (RFC 9449 §8, §9) for the next proof.
 */
public final class WalletHttp {

    public static final String DPOP_NONCE = "DPoP-Nonce";

    private final HttpClient client;
    private final Duration timeout;
    private final AtomicReference<String> dpopNonce = new AtomicReference<>();

    public WalletHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** The latest {@code DPoP-Nonce} any response carried, or null. */
    public String latestDPoPNonce() {
        return dpopNonce.get();
    }

    /** Overrides the remembered nonce (null forgets it), e.g. to send a stale nonce in a negative test. */
    public void latestDPoPNonce(String nonce) {
        dpopNonce.set(nonce);
    }

    public HttpResult get(URI uri, String accept) {
        return send(request(uri, Map.of()).header("Accept", accept).GET().build());
    }

    /** POSTs {@code application/x-www-form-urlencoded}; {@code headers} are added as given. */
    public HttpResult postForm(URI uri, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(uri, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** POSTs a JSON object; {@code headers} are added as given. */
    public HttpResult postJson(URI uri, Map<String, ?> json, Map<String, String> headers) {
        return send(request(uri, headers)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(json), StandardCharsets.UTF_8))
                .build());
    }

    /** POSTs without body and without credentials, like EUDI does at the Nonce Endpoint (EUDI-11). */
    public HttpResult postEmpty(URI uri) {
        return send(request(uri, Map.of()).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Sends any request; I/O failures become {@link WalletException}s. */
    public HttpResult send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WalletException(request.method() + " " + DPoPProofs.htu(request.uri()) + " failed: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletException("interrupted", e);
        }
        response.headers().firstValue(DPOP_NONCE).ifPresent(dpopNonce::set);
        return new HttpResult(response.statusCode(), response.headers(), response.body());
    }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach(builder::header);
        return builder;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
