package io.github.vciconnector.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;

/**
 * Callback settings, bound from {@code connector.callback.*}.
 *
 * @param url where events are POSTed ({@code CONNECTOR_CALLBACK_URL}); none means callbacks are off
 * @param secret HMAC key for Standard Webhooks signatures ({@code CONNECTOR_CALLBACK_SECRET}), optional but warned
 *               about when missing; at least 32 characters ({@code whsec_} + at least 32 base64 characters, i.e. 24+
 *               bytes, the Standard Webhooks minimum)
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

    /** Shortest secret accepted, as characters of key material (after {@code whsec_}). */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final String WHSEC = "whsec_";

    public CallbackProperties {
        if (url != null && url.toString().isBlank()) url = null; // an empty CONNECTOR_CALLBACK_URL means "off"
        if (url != null && (!url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme())))) {
            throw new IllegalArgumentException("CONNECTOR_CALLBACK_URL (connector.callback.url) must be an absolute http or https URL");
        }
        if (secret != null && secret.isBlank()) secret = null; // an empty CONNECTOR_CALLBACK_SECRET means "unsigned"
        if (secret != null) requireStrong(secret);
        requirePositive(timeout, "timeout");
        requirePositive(maxAge, "max-age");
        requirePositive(initialBackoff, "initial-backoff");
        requirePositive(pollInterval, "poll-interval");
        if (maxBackoff.compareTo(initialBackoff) < 0) throw new IllegalArgumentException("CONNECTOR_CALLBACK_MAX_BACKOFF must not be below CONNECTOR_CALLBACK_INITIAL_BACKOFF");
        if (workers < 1 || workers > 64) throw new IllegalArgumentException("CONNECTOR_CALLBACK_WORKERS must be 1 to 64");
    }

    /** Whether callbacks are sent but nobody can tell them from forgeries: a URL without a secret. */
    public boolean unsigned() {
        return url != null && secret == null;
    }

    @Override
    public String toString() {
        // Only scheme, host and port: user info or a query may carry the receiver's credentials.
        return "CallbackProperties[url=" + (url == null ? "none" : url.getScheme() + "://" + url.getHost()
                + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/...") + ", secret=" + (secret == null ? "none" : "****") + ", timeout=" + timeout
                + ", maxAge=" + maxAge + "]";
    }

    private static void requireStrong(String secret) {
        String material = secret.startsWith(WHSEC) ? secret.substring(WHSEC.length()) : secret;
        if (material.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("CONNECTOR_CALLBACK_SECRET must be at least " + MIN_SECRET_LENGTH
                    + " characters (whsec_ followed by at least " + MIN_SECRET_LENGTH + " base64 characters, e.g. whsec_$(openssl rand -base64 32))");
        }
        if (secret.startsWith(WHSEC)) {
            try {
                Base64.getDecoder().decode(material);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CONNECTOR_CALLBACK_SECRET starts with whsec_ but the rest is not base64", e);
            }
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("CONNECTOR_CALLBACK_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + " must be positive");
        }
    }
}
