package io.github.vciconnector.status;

import io.github.vciconnector.keys.StatusList;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.keys.DevelopmentKeys;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.session.StatusReference;
import io.github.vciconnector.session.memory.InMemoryStatusListStore;
import io.github.vciconnector.support.IndependentStatusListDecoder;
import io.github.vciconnector.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status feature without HTTP: rendering once per change, the publish delay, roll-over, max-lists, metrics, health. */
class StatusListPublisherTest {

    private static final Duration DELAY = Duration.ofMillis(200);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryStatusListStore store = new InMemoryStatusListStore(clock);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void findWhenListUnchangedThenSameRenderingEveryTime() {
        var publisher = publisher();
        String list = lists(properties(64, 0), publisher).allocate(1, Duration.ofDays(1)).get(0).list();

        var first = publisher.find(list).orElseThrow();
        sleep(DELAY.plusMillis(50)); // past the delay: the version is checked, unchanged, so nothing is signed again
        assertThat(publisher.find(list).orElseThrow()).isSameAs(first);
    }

    @Test
    void findWhenChangedElsewhereThenOldUntilDelayThenNew() {
        var publisher = publisher();
        StatusReference entry = lists(properties(64, 0), publisher).allocate(1, Duration.ofDays(1)).get(0);
        var before = publisher.find(entry.list()).orElseThrow();

        store.setStatus(entry.list(), List.of(entry.idx()), StatusList.INVALID); // as another replica would
        assertThat(publisher.find(entry.list()).orElseThrow()).as("within the delay").isSameAs(before);
        sleep(DELAY.plusMillis(50));

        var after = publisher.find(entry.list()).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(statusOf(after, entry.idx())).isEqualTo(1);
    }

    @Test
    void findWhenTokenHalfWayToExpiryThenRenderedAgain() {
        var publisher = publisher();
        String list = lists(properties(64, 0), publisher).allocate(1, Duration.ofDays(10)).get(0).list();
        var first = publisher.find(list).orElseThrow();
        clock.advance(Duration.ofHours(12));
        assertThat(publisher.find(list).orElseThrow().issuedAt()).isAfter(first.issuedAt());
    }

    @Test
    void allocateWhenListFullThenNextListAndAtMaxListsRefusedWithHealthWarning() {
        var properties = properties(16, 2);
        var lists = lists(properties, publisher());
        var entries = lists.allocate(16, Duration.ofDays(1));
        assertThat(entries).extracting(StatusReference::list).containsOnly(entries.get(0).list());
        var health = new StatusListHealth(store, properties);

        var next = lists.allocate(15, Duration.ofDays(1));
        assertThat(next).extracting(StatusReference::list).doesNotContain(entries.get(0).list()).hasSize(15);
        assertThat(health.health().getStatus()).isEqualTo(StatusListHealth.WARNING);
        lists.allocate(1, Duration.ofDays(1));
        assertThatThrownBy(() -> lists.allocate(1, Duration.ofDays(1))).isInstanceOf(SessionStoreUnavailableException.class);
        assertThat(meters.get("connector.status_list.issued").tag("list", entries.get(0).list()).counter().count()).isEqualTo(16);
        assertThat(meters.get("connector.status_list.fill").tag("list", next.get(0).list()).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void revokedWhenCalledThenCountedPerList() {
        var publisher = publisher();
        var lists = lists(properties(64, 0), publisher);
        var entries = lists.allocate(2, Duration.ofDays(1));
        lists.invalidate(entries);
        lists.revoked(entries);
        assertThat(meters.get("connector.status_list.revoked").tag("list", entries.get(0).list()).counter().count()).isEqualTo(2);
        assertThat(statusOf(publisher.find(entries.get(0).list()).orElseThrow(), entries.get(1).idx())).isEqualTo(1);
    }

    private static int statusOf(StatusListToken token, int idx) {
        String json = IndependentStatusListDecoder.payloadJson(new String(token.jwt()));
        String lst = json.replaceAll(".*\"lst\":\"([^\"]+)\".*", "$1");
        return IndependentStatusListDecoder.of(1, lst).status(idx);
    }

    private StatusListPublisher publisher() {
        var uris = new StatusListUris(new ConnectorProperties(URI.create("https://issuer.example.com")));
        var keys = new DevelopmentKeys(Clock.systemUTC(), new SecureRandom()).generate();
        return new StatusListPublisher(store, new StatusListTokenIssuer(keys.credential(), uris, Duration.ofMinutes(5), Duration.ofDays(1)),
                clock, DELAY);
    }

    private StatusLists lists(StatusListProperties properties, StatusListPublisher publisher) {
        return new StatusLists(store, properties, new RandomTokens(new SecureRandom()), new SecureRandom(),
                new StatusListUris(new ConnectorProperties(URI.create("https://issuer.example.com"))), new StatusListMetrics(meters), publisher);
    }

    private static StatusListProperties properties(int size, int maxLists) {
        return new StatusListProperties(size, 1, DELAY, Duration.ofMinutes(5), Duration.ofDays(1), maxLists, 0.9);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
