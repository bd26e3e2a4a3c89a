package io.github.vciconnector.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Callback settings, bound from {@code connector.callback.*}.
 *
 * @param url where events are POSTed ({@code CONNECTOR_CALLBACK_URL}); none means callbacks are off
 * @param secret HMAC key for Standard Webhooks signatures ({@code CONNECTOR_CALLBACK_SECRET}), optional
 * @param timeout connect and response timeout of one delivery attempt
 * @param maxAge how long an event is retried before it is marked undeliverable
 * @param initialBackoff wait before the first retry; doubles each time, with jitter
 * @param maxBackoff the longest wait between two attempts
 * @param pollInterval how often the store is asked for due callbacks
 * @param workers concurrent deliveries (of different offers; one offer's events always leave one by one)
 * @param shutdownGrace how long deliveries in flight may take to finish at shutdown
 */
@ConfigurationProperties("connector.callback")
public record CallbackProperties(URI url, String secret,
                                 @DefaultValue("5s") Duration timeout,
                                 @DefaultValue("24h") Duration maxAge,
                                 @DefaultValue("1s") Duration initialBackoff,
                                 @DefaultValue("5m") Duration maxBackoff,
                                 @DefaultValue("500ms") Duration pollInterval,
                                 @DefaultValue("4") int workers,
                                 @DefaultValue("10s") Duration shutdownGrace) {

    public CallbackProperties {
        if (url != null && url.toString().isBlank()) url = null; // an empty CONNECTOR_CALLBACK_URL means "off"
        if (url != null && (!url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme())))) {
            throw new IllegalArgumentException("CONNECTOR_CALLBACK_URL (connector.callback.url) must be an absolute http or https URL");
        }
        requirePositive(timeout, "timeout");
        requirePositive(maxAge, "max-age");
        requirePositive(initialBackoff, "initial-backoff");
        requirePositive(pollInterval, "poll-interval");
        if (maxBackoff.compareTo(initialBackoff) < 0) throw new IllegalArgumentException("CONNECTOR_CALLBACK_MAX_BACKOFF must not be below CONNECTOR_CALLBACK_INITIAL_BACKOFF");
        if (workers < 1 || workers > 64) throw new IllegalArgumentException("CONNECTOR_CALLBACK_WORKERS must be 1 to 64");
    }

    @Override
    public String toString() {
        return "CallbackProperties[url=" + url + ", secret=" + (secret == null ? "none" : "****") + ", timeout=" + timeout
                + ", maxAge=" + maxAge + "]";
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("CONNECTOR_CALLBACK_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + " must be positive");
        }
    }
}
