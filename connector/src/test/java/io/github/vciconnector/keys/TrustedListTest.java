package io.github.vciconnector.keys;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DESIGN §11, issue 13: the wallet-provider List of Trusted Entities, signed here: a valid one is loaded and its
 * providers become anchors; a tampered, expired or wrongly signed one is refused and the last good one stays.
 */
class TrustedListTest {

    private static final TestPki.Issued OPERATOR = TestPki.ca("Test LoTE Scheme Operator");
    private static final TestPki.Issued OTHER_OPERATOR = TestPki.ca("Other LoTE Scheme Operator");
    private static final TestPki.Issued PROVIDER = TestPki.ca("Listed Wallet Provider CA");
    private static final TestPki.Issued SECOND_PROVIDER = TestPki.ca("Second Listed Wallet Provider CA");

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final Instant nextUpdate = clock.instant().plus(Duration.ofDays(1));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void verifyWhenSignedByTheConfiguredSignerThenProvidersAndNextUpdate() {
        TrustedList list = TrustedList.verify(TestTrustedLists.list(OPERATOR, nextUpdate, PROVIDER.certificate()).build(),
                List.of(OPERATOR.certificate()), clock.instant());

        assertThat(list.anchors()).containsExactly(PROVIDER.certificate());
        assertThat(list.nextUpdate()).isEqualTo(nextUpdate);
    }

    @Test
    void verifyWhenTamperedThenRefused() {
        String[] parts = TestTrustedLists.list(OPERATOR, nextUpdate, PROVIDER.certificate()).build().split("\\.");
        String otherPayload = TestTrustedLists.list(OPERATOR, nextUpdate, SECOND_PROVIDER.certificate()).build().split("\\.")[1];

        assertThatThrownBy(() -> TrustedList.verify(parts[0] + "." + otherPayload + "." + parts[2], List.of(OPERATOR.certificate()), clock.instant()))
                .hasMessage("the list is not signed by CONNECTOR_WALLET_PROVIDER_TRUST_LIST_SIGNER");
    }

    @Test
    void verifyWhenSignedBySomeoneElseThenRefused() {
        assertThatThrownBy(() -> TrustedList.verify(TestTrustedLists.list(OTHER_OPERATOR, nextUpdate, PROVIDER.certificate()).build(),
                List.of(OPERATOR.certificate()), clock.instant()))
                .hasMessage("the list is not signed by CONNECTOR_WALLET_PROVIDER_TRUST_LIST_SIGNER");
    }

    @Test
    void verifyWhenPastNextUpdateThenRefusedAsExpired() {
        String list = TestTrustedLists.list(OPERATOR, clock.instant().minusSeconds(1), PROVIDER.certificate()).build();

        assertThatThrownBy(() -> TrustedList.verify(list, List.of(OPERATOR.certificate()), clock.instant()))
                .hasMessageStartingWith("the list has expired");
    }

    @Test
    void refreshWhenNewCopyBadThenLastGoodStaysAndFailureCounted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("lote.jwt"), TestTrustedLists.list(OPERATOR, nextUpdate, PROVIDER.certificate()).build());
        var validator = new X509ChainValidator(List.of());
        try (var source = source(dir, null, file)) {
            source.feed(validator);
            assertThat(validator.anchors()).containsExactly(PROVIDER.certificate());

            Files.writeString(file, TestTrustedLists.list(OTHER_OPERATOR, nextUpdate, SECOND_PROVIDER.certificate()).build());
            assertThat(source.refresh()).isFalse();
            Files.writeString(file, TestTrustedLists.list(OPERATOR, clock.instant().minusSeconds(5), SECOND_PROVIDER.certificate()).build());
            assertThat(source.refresh()).isFalse();

            assertThat(validator.anchors()).containsExactly(PROVIDER.certificate());
            assertThat(registry.get("connector.trust.list.refresh.failures").counter().count()).isEqualTo(2.0);
            assertThat(source.health().getDetails().get("last_failure").toString()).startsWith("the list has expired");

            Files.writeString(file, TestTrustedLists.list(OPERATOR, nextUpdate, SECOND_PROVIDER.certificate()).build());
            assertThat(source.refresh()).isTrue();
            assertThat(validator.anchors()).containsExactly(SECOND_PROVIDER.certificate());
        }
    }

    @Test
    void healthWhenLastGoodCopyPastNextUpdateThenStaleButStillUsed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("lote.jwt"), TestTrustedLists.list(OPERATOR, nextUpdate, PROVIDER.certificate()).build());
        var validator = new X509ChainValidator(List.of());
        try (var source = source(dir, null, file)) {
            source.feed(validator);
            clock.advance(Duration.ofDays(2));
            source.refresh();

            assertThat(source.stale()).isTrue();
            assertThat(registry.get("connector.trust.list.stale").gauge().value()).isEqualTo(1.0);
            assertThat(source.health().getDetails()).containsKey("stale");
            assertThat(validator.anchors()).containsExactly(PROVIDER.certificate());
        }
    }

    @Test
    void loadWhenServedOverHttpsThenFetchedAndVerified(@TempDir Path dir) {
        var server = TestStatusLists.httpsServer();
        try {
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/lote").willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withBody(
                            TestTrustedLists.list(OPERATOR, nextUpdate, PROVIDER.certificate()).build())));
            try (var source = source(dir, URI.create("https://localhost:" + server.httpsPort() + "/lote"), null)) {
                assertThat(source.current().anchors()).containsExactly(PROVIDER.certificate());
                assertThat(source.stale()).isFalse();
            }
        } finally {
            server.stop();
        }
    }

    private TrustedListSource source(Path dir, URI url, Path file) {
        Path signer = TestPki.pem(dir, "operator.pem", OPERATOR.certificate());
        var properties = new TrustedListProperties(url, file, signer, Duration.ofHours(1), Duration.ofSeconds(5), null);
        SSLContext tls = TestStatusLists.clientContext();
        return new TrustedListSource(properties, clock, tls, registry);
    }
}
