package io.github.vciconnector.demo;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP server on a JDK {@link HttpServer}: each route answers with its replies in turn, the last one
 * repeating, and every request is recorded so that tests assert on what the wallet sent.
 */
final class TestServer implements AutoCloseable {

    record Request(String method, String path, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        Map<String, Object> json() throws java.text.ParseException {
            return JSONObjectUtils.parse(body);
        }
    }

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, Map<String, ?> json, String... headerPairs) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            for (int i = 0; i < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Reply(status, headers, JSONObjectUtils.toJSONString(json));
        }
    }

    @FunctionalInterface
    interface Route {
        Reply handle(Request request) throws Exception;
    }

    private final HttpServer server;
    private final Map<String, Deque<Route>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Scripts {@code method path}: the n-th call gets the n-th route, calls after the last get the last. */
    TestServer on(String method, String path, Route... replies) {
        routes.put(method + " " + path, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders(), body);
        requests.add(request);
        Reply reply;
        try {
            reply = next(request.method() + " " + request.path()).handle(request);
        } catch (Exception e) {
            reply = Reply.json(500, Map.of("error", "fixture_failure", "error_description", String.valueOf(e)));
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Route next(String key) {
        Deque<Route> queue = routes.get(key);
        if (queue == null) {
            return request -> Reply.json(404, Map.of("error", "not_found"));
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }
}
