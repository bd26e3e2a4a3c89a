package io.github.vciconnector.session;

import java.time.Duration;

/**
 * How long a new callback event may be retried, fixed into each offer when it is created. The setting is the webhook
 * feature's ({@code connector.callback.max-age}, read once by {@code CallbackProperties}); the webhook configuration
 * publishes it as this value because the offer feature, which creates the offers, must not depend on {@code webhook}.
 */
public record CallbackMaxAge(Duration value) {

    public CallbackMaxAge {
        if (value == null) throw new IllegalArgumentException("callback max age is required");
    }
}
