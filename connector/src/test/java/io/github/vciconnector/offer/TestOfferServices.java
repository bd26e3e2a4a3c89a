package io.github.vciconnector.offer;

import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.support.MutableClock;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.metadata.TypeMetadata;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.memory.InMemorySessionStore;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real {@link OfferService} over an in-memory store, a movable clock and a recorded event list. */
final class TestOfferServices {

    static final String TYPE_METADATA = "{\"vct\":\"urn:example:test:1\",\"claims\":["
            + "{\"path\":[\"given_name\"],\"mandatory\":true},"
            + "{\"path\":[\"family_name\"],\"mandatory\":true},"
            + "{\"path\":[\"address\",\"street\"]},{\"path\":[\"address\",\"locality\"]},"
            + "{\"path\":[\"nationalities\",null]},"
            + "{\"path\":[\"photo\"]}]}";

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofHours(24));
    final List<Object> events = new CopyOnWriteArrayList<>();
    final OfferService service;

    TestOfferServices() {
        var configuration = new CredentialConfiguration("IdentityCredential", "identity_credential", typeMetadata(), Duration.ofDays(365));
        var secrets = new OfferSecrets(ServerSecrets.random(new SecureRandom()), new RandomTokens(new SecureRandom()));
        service = new OfferService(store, store, new CredentialConfigurations(List.of(configuration)),
                new ConnectorProperties(URI.create("https://issuer.example.com")),
                new OfferProperties(Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofHours(24), 5, Duration.ofSeconds(1)),
                secrets, new SecureRandom(), clock, events::add, Duration.ofHours(24));
    }

    static TypeMetadata typeMetadata() {
        return TypeMetadata.parse(TYPE_METADATA.getBytes(StandardCharsets.UTF_8));
    }

    static OfferRequest request(Map<String, Object> claims, OfferRequest.TxCodeRequest txCode, Duration expiresIn) {
        return new OfferRequest("IdentityCredential", claims, txCode, expiresIn);
    }

    static Map<String, Object> claims() {
        return Map.of("given_name", "Erika", "family_name", "Mustermann");
    }
}
