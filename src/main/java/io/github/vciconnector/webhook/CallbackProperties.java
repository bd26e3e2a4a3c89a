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
 * @param timeout per-request connect and response timeout
 */
@ConfigurationProperties("connector.callback")
public record CallbackProperties(URI url, String secret, @DefaultValue("5s") Duration timeout) {

    public CallbackProperties {
        if (url != null && url.toString().isBlank()) url = null; // an empty CONNECTOR_CALLBACK_URL means "off"
        if (url != null && (!url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme())))) {
            throw new IllegalArgumentException("CONNECTOR_CALLBACK_URL (connector.callback.url) must be an absolute http or https URL");
        }
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("connector.callback.timeout must be positive");
    }

    @Override
    public String toString() {
        return "CallbackProperties[url=" + url + ", secret=" + (secret == null ? "none" : "****") + ", timeout=" + timeout + "]";
    }
}
