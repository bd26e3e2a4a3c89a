package io.github.vciconnector.metadata;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Remote Type Metadata is an untrusted download (issue 17, L-9), fetched from a real local HTTP server. */
class RemoteTypeMetadataFetcherTest {

    static final String VARIABLE = "CONNECTOR_CREDENTIAL_CONFIGURATIONS_PID";
    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final RemoteTypeMetadataFetcher fetcher = new RemoteTypeMetadataFetcher(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void fetchWhenServerRedirectsThenRefusedNamingTheHostButNotThePathOrQuery() {
        server.stubFor(get(urlPathEqualTo("/types/pid")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + server.port() + "/moved")));

        assertThatThrownBy(() -> fetcher.fetch(VARIABLE, url("/types/pid?access_token=s3cr3t")))
                .hasMessage(VARIABLE + "_VCT_URL: 127.0.0.1 answered a redirect (HTTP 302), which is not followed; configure the final https URL")
                .message().doesNotContain("s3cr3t").doesNotContain("/types");
        server.verify(0, getRequestedFor(urlPathEqualTo("/moved")));
    }

    @Test
    void loadWhenPlainHttpToAnotherHostThenStartupRefusedWithoutConnecting() {
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(remote(URI.create("http://types.example/pid.json"))))
                .hasMessage(VARIABLE + ": " + VARIABLE + "_VCT_URL must use https (http is accepted only for localhost)");
    }

    @Test
    void fetchWhenNotAnHttpUrlThenRefused() {
        assertThatThrownBy(() -> fetcher.fetch(VARIABLE, URI.create("file:///etc/passwd")))
                .hasMessage(VARIABLE + "_VCT_URL must be an https URL when _VCT_SOURCE is remote");
    }

    @Test
    void fetchWhenPlainHttpToLocalhostThenFetched() {
        server.stubFor(get(urlPathEqualTo("/pid.json")).willReturn(aResponse().withBody("{\"vct\":\"urn:x\"}")));

        assertThat(fetcher.fetch(VARIABLE, URI.create("http://localhost:" + server.port() + "/pid.json"))).asString()
                .isEqualTo("{\"vct\":\"urn:x\"}");
    }

    @Test
    void fetchWhenBodyIsExactlyOneMebibyteThenFetched() {
        server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody(new byte[RemoteTypeMetadataFetcher.MAX_DOCUMENT_BYTES])));

        assertThat(fetcher.fetch(VARIABLE, url("/big"))).hasSize(RemoteTypeMetadataFetcher.MAX_DOCUMENT_BYTES);
    }

    @Test
    void fetchWhenContentLengthOverOneMebibyteThenRefused() {
        server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody(new byte[RemoteTypeMetadataFetcher.MAX_DOCUMENT_BYTES + 1])));

        assertThatThrownBy(() -> fetcher.fetch(VARIABLE, url("/big"))).hasMessage(VARIABLE + "_VCT_URL: document over 1 MiB");
    }

    @Test
    void fetchWhenEndlessChunkedBodyThenRefusedAfterOneMebibyte() throws Exception {
        // No Content-Length: a reader that buffers the whole body before checking its size never returns.
        HttpServer endless = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var written = new AtomicLong();
        var finished = new CountDownLatch(1);
        endless.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (var out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException closedByTheClient) {
                finished.countDown();
            }
        });
        endless.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + endless.getAddress().getPort() + "/endless");
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> CredentialConfigurationsLoader.load(remote(url)))
                    .hasMessage(VARIABLE + ": " + VARIABLE + "_VCT_URL: document over 1 MiB"));
            // The client hung up: the server's writes fail, after 1 MiB and what the socket buffers held.
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(written.get()).isLessThan(64L << 20);
        } finally {
            endless.stop(0);
        }
    }

    @Test
    void fetchWhenServerDoesNotAnswerInTimeThenRefused() {
        var impatient = new RemoteTypeMetadataFetcher(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5));
        server.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withFixedDelay(5_000).withBody("{}")));

        assertTimeoutPreemptively(Duration.ofSeconds(4), () -> assertThatThrownBy(() -> impatient.fetch(VARIABLE, url("/slow")))
                .hasMessage(VARIABLE + "_VCT_URL: 127.0.0.1 did not answer in time"));
    }

    @Test
    void fetchWhenBodyTricklesPastTheOverallDeadlineThenRefused() {
        // Each chunk comes within the read timeout, but the whole body would take longer than the overall deadline.
        var patient = new RemoteTypeMetadataFetcher(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1));
        server.stubFor(get(urlPathEqualTo("/trickle")).willReturn(aResponse().withBody(new byte[4096])
                .withChunkedDribbleDelay(40, 20_000)));

        assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThatThrownBy(() -> patient.fetch(VARIABLE, url("/trickle")))
                .hasMessage(VARIABLE + "_VCT_URL: 127.0.0.1 did not answer in time"));
    }

    @Test
    void fetchWhenServerAnswersAnErrorThenRefusedWithTheStatus() {
        server.stubFor(get(urlPathEqualTo("/gone")).willReturn(aResponse().withStatus(410)));

        assertThatThrownBy(() -> fetcher.fetch(VARIABLE, url("/gone"))).hasMessage(VARIABLE + "_VCT_URL: 127.0.0.1 answered HTTP 410");
    }

    @Test
    void loadWhenRemoteUrlRedirectsThenStartupRefusedNamingTheVariable() {
        server.stubFor(get(urlPathEqualTo("/types/pid")).willReturn(aResponse().withStatus(301).withHeader("Location", "https://elsewhere.example/")));

        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(remote(url("/types/pid")))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(VARIABLE + ": " + VARIABLE + "_VCT_URL: 127.0.0.1 answered a redirect (HTTP 301)");
    }

    private static CredentialConfigurationsProperties remote(URI url) {
        return new CredentialConfigurationsProperties(Map.of("pid", new CredentialConfigurationsProperties.Entry(null,
                new CredentialConfigurationsProperties.Vct("remote", null, url), "pid", Duration.ofDays(30))));
    }

    private URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }
}
