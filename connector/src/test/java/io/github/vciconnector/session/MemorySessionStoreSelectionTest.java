package io.github.vciconnector.session;

import io.github.vciconnector.session.memory.InMemorySessionStore;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default store needs no Redis: with the Redis client on the classpath and a Redis URL that leads nowhere,
 * the connector starts, uses memory, and its health neither lists nor waits for Redis.
 */
// @TestPropertySource, not @SpringBootTest(properties): a second @SpringBootTest would drop the base class's real ports
@TestPropertySource(properties = {"spring.data.redis.url=redis://localhost:1", "management.endpoint.health.show-components=always"})
class MemorySessionStoreSelectionTest extends ConnectorIntegrationTest {

    @Autowired
    private OfferStore store;

    @Test
    void startWhenStoreNotConfiguredThenMemoryAndHealthUpWithoutRedis() throws Exception {
        var health = HTTP.send(HttpRequest.newBuilder(managementUri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(store).isInstanceOf(InMemorySessionStore.class);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("redis");
    }
}
