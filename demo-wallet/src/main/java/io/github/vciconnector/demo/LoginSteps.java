package io.github.vciconnector.demo;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The two ways the demo wallet gets through the browser step of the authorization code flow. A person: the wallet
 * prints the login page and catches the backend's redirect on a loopback address (RFC 8252 §7.3). A scripted
 * backend that completes at once: the wallet GETs the login page itself and follows the redirects back to its
 * redirect URI, as a browser would.
 */
public final class LoginSteps {

    /** Where the follow mode's redirect URI points: never listened on, the wallet stops when a redirect names it. */
    public static final String FOLLOWED_REDIRECT_URI = "http://127.0.0.1/demo-wallet/callback";

    private LoginSteps() {
    }

    /** Follows up to 10 redirects from the login page until one names {@code redirectUri}. */
    public static AuthorizationCodeFlow.LoginStep follow(WalletHttp http, String redirectUri) {
        return loginPage -> {
            URI next = loginPage;
            for (int hop = 0; hop < 10; hop++) {
                if (next.toString().startsWith(redirectUri)) return next;
                HttpResult result = http.get(next, "text/html");
                String location = result.header("Location").orElse(null);
                if (result.status() / 100 != 3 || location == null) {
                    throw new WalletException("the login page answered " + result.status() + " instead of sending the browser back;"
                            + " a person must log in there: run without --follow-login");
                }
                next = next.resolve(location);
            }
            throw new WalletException("too many redirects from the login page");
        };
    }

    /**
     * A loopback redirect listener: {@link #redirectUri()} to register at PAR, and a login step that prints the login
     * page and waits (up to {@code timeout}) for the browser to come back.
     */
    public static final class Loopback implements AutoCloseable {
        private final HttpServer server;
        private final CompletableFuture<URI> response = new CompletableFuture<>();

        public Loopback(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/callback", exchange -> {
                response.complete(URI.create(redirectUri() + (exchange.getRequestURI().getRawQuery() == null ? ""
                        : "?" + exchange.getRequestURI().getRawQuery())));
                byte[] page = "<!DOCTYPE html><title>Demo wallet</title><p>Done: return to the demo wallet in your terminal.</p>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
        }

        public String redirectUri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
        }

        public AuthorizationCodeFlow.LoginStep step(PrintStream out, Duration timeout) {
            return loginPage -> {
                out.println();
                out.println("Open this page in a browser and log in:");
                out.println("  " + loginPage);
                out.println("(waiting up to " + timeout.toMinutes() + " min for the browser to come back to " + redirectUri() + ")");
                try {
                    return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    throw new WalletException("no authorization response within " + timeout.toMinutes() + " min");
                } catch (ExecutionException e) {
                    throw new WalletException("loopback listener failed", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WalletException("interrupted", e);
                }
            };
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
