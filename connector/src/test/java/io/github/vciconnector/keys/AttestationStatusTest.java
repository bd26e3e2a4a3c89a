package io.github.vciconnector.keys;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Token Status List references of attestations (issue 13), against a real HTTPS server serving lists signed here:
 * VALID passes, INVALID and SUSPENDED refuse, the list is cached by its ttl and refreshed in the background in its last
 * quarter, https only, and a failed fetch does what the setting says.
 */
class AttestationStatusTest {

    private static final TestPki.Issued CA = TestPki.ca("Status Wallet Provider CA");
    private static final TestPki.Issued SIGNER = TestPki.leaf("Status List Signer", CA, Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(30)));
    private static final String PATH = "/lists/wallets";

    private final WireMockServer server = TestStatusLists.httpsServer();
    private final String uri = "https://localhost:" + server.httpsPort() + PATH;
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final X509ChainValidator anchors = new X509ChainValidator(List.of(CA.certificate()));

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void requireWhenEntryValidThenPassesAndWhenRevokedThenRefused() {
        serve(TestStatusLists.token(SIGNER, uri, 64, Map.of(3, 1), Duration.ofMinutes(5)).build());
        var status = status(AttestationStatusProperties.OnFetchFailure.REFUSE);

        assertThatCode(() -> status.require(reference(2), anchors)).doesNotThrowAnyException();
        assertThatThrownBy(() -> status.require(reference(3), anchors)).isInstanceOf(AttestationStatusException.class).hasMessage("is revoked");
    }

    @Test
    void requireWhenListFetchedOnceThenCachedUntilItsTtl() {
        serve(TestStatusLists.token(SIGNER, uri, 64, Map.of(), Duration.ofMinutes(5)).build());
        var status = status(AttestationStatusProperties.OnFetchFailure.REFUSE);

        status.require(reference(1), anchors);
        status.require(reference(2), anchors);
        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));

        // iat is a later second than the clock's start, so a little more than the ttl
        clock.advance(Duration.ofMinutes(5).plusSeconds(2));
        status.require(reference(1), anchors);
        server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void requireWhenCopyInItsLastQuarterThenAnsweredFromItAndTheNextFetchedInTheBackground() throws Exception {
        var status = statusWithEightMinuteCopy();
        // the provider revokes entry 3; the copy in hand still says VALID for the rest of its ttl
        serve(TestStatusLists.token(SIGNER, uri, 64, Map.of(3, 1), Duration.ofMinutes(8)).build());

        clock.advance(Duration.ofMinutes(5));
        status.require(reference(3), anchors);
        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));

        clock.advance(Duration.ofMinutes(2));
        // past three quarters: answered from the copy in hand, without waiting, while the next copy is fetched
        assertThatCode(() -> status.require(reference(3), anchors)).doesNotThrowAnyException();
        eventually(() -> isRevoked(status, 3));
        assertThatThrownBy(() -> status.require(reference(3), anchors)).hasMessage("is revoked");
        server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void requireWhenRefreshAheadFailsThenCopyInHandServesUntilItExpires() throws Exception {
        var status = statusWithEightMinuteCopy();
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        clock.advance(Duration.ofMinutes(7));
        status.require(reference(3), anchors);
        eventually(() -> server.findAll(getRequestedFor(urlPathEqualTo(PATH))).size() >= 2);
        Thread.sleep(200);  // the failed refresh has ended; the copy in hand is still the one used
        assertThatCode(() -> status.require(reference(3), anchors)).doesNotThrowAnyException();
        // and the next try waits until halfway to the expiry instead of following on the next request
        Thread.sleep(200);
        server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));

        clock.advance(Duration.ofMinutes(1).plusSeconds(2));
        assertThatThrownBy(() -> status.require(reference(3), anchors)).hasMessage("status list cannot be fetched");
    }

    @Test
    void requireWhenUriIsNotHttpsThenRefusedWithoutFetching() {
        var status = status(AttestationStatusProperties.OnFetchFailure.ACCEPT);

        assertThatThrownBy(() -> status.require(Map.of("status_list", Map.of("idx", 0, "uri", "http://localhost:" + server.httpsPort() + PATH)), anchors))
                .hasMessage("status.status_list.uri must be an https URI");
        server.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void requireWhenListCannotBeFetchedThenTheSettingDecides() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> status(AttestationStatusProperties.OnFetchFailure.REFUSE).require(reference(0), anchors))
                .hasMessage("status list cannot be fetched");
        assertThatCode(() -> status(AttestationStatusProperties.OnFetchFailure.ACCEPT).require(reference(0), anchors)).doesNotThrowAnyException();
    }

    @Test
    void requireWhenListSignedUnderAnotherCaThenRefusedWhateverTheSetting() {
        var rogue = TestPki.ca("Rogue Status CA");
        var rogueSigner = TestPki.leaf("Rogue Status Signer", rogue, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        serve(TestStatusLists.token(rogueSigner, uri, 64, Map.of(), Duration.ofMinutes(5)).build());

        assertThatThrownBy(() -> status(AttestationStatusProperties.OnFetchFailure.ACCEPT).require(reference(0), anchors))
                .hasMessage("status list is not signed by a trusted issuer");
    }

    @Test
    void requireWhenListTamperedThenRefused() {
        String token = TestStatusLists.token(SIGNER, uri, 64, Map.of(3, 1), Duration.ofMinutes(5)).build();
        String[] parts = token.split("\\.");
        String forged = TestStatusLists.token(SIGNER, uri, 64, Map.of(), Duration.ofMinutes(5)).build().split("\\.")[1];
        serve(parts[0] + "." + forged.substring(0, forged.length() - 2) + "AA" + "." + parts[2]);

        assertThatThrownBy(() -> status(AttestationStatusProperties.OnFetchFailure.REFUSE).require(reference(3), anchors))
                .isInstanceOf(AttestationStatusException.class);
    }

    @Test
    void requireWhenIndexOutsideTheListThenRefused() {
        serve(TestStatusLists.token(SIGNER, uri, 8, Map.of(), Duration.ofMinutes(5)).build());

        assertThatThrownBy(() -> status(AttestationStatusProperties.OnFetchFailure.REFUSE).require(reference(8), anchors))
                .hasMessage("status index is outside the status list");
    }

    @Test
    void requireWhenNoStatusListReferenceThenPassesWithoutFetching() {
        var status = status(AttestationStatusProperties.OnFetchFailure.REFUSE);

        assertThatCode(() -> status.require(null, anchors)).doesNotThrowAnyException();
        assertThatCode(() -> status.require(Map.of("other_mechanism", Map.of()), anchors)).doesNotThrowAnyException();
        assertThatThrownBy(() -> status.require(Map.of("status_list", Map.of("idx", -1, "uri", uri)), anchors))
                .hasMessage("status.status_list.idx must be a non-negative integer");
    }

    /** A checker holding a copy of the list (nothing revoked) fetched just now, with a ttl of eight minutes. */
    private AttestationStatus statusWithEightMinuteCopy() {
        serve(TestStatusLists.token(SIGNER, uri, 64, Map.of(), Duration.ofMinutes(8)).build());
        var status = status(AttestationStatusProperties.OnFetchFailure.REFUSE);
        status.require(reference(3), anchors);
        return status;
    }

    /** Waits up to 10 s for what a background refresh brings about. */
    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(20);
    }

    private boolean isRevoked(AttestationStatus status, int index) {
        try {
            status.require(reference(index), anchors);
            return false;
        } catch (AttestationStatusException e) {
            return true;
        }
    }

    private AttestationStatus status(AttestationStatusProperties.OnFetchFailure onFailure) {
        return new AttestationStatus(new AttestationStatusProperties(onFailure, Duration.ofSeconds(2), Duration.ofMinutes(5)), clock,
                TestStatusLists.clientContext());
    }

    private Map<String, Object> reference(int index) {
        return Map.of("status_list", Map.of("idx", index, "uri", uri));
    }

    private void serve(String token) {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/statuslist+jwt").withBody(token)));
    }
}
