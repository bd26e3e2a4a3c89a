package io.github.vciconnector.webhook;

import io.github.vciconnector.session.Callback;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

/**
 * POSTs one callback event (DESIGN §5 payload) and says whether it was accepted. With a secret, adds the Standard
 * Webhooks headers; {@code webhook-id} is the event id, the same on every attempt.
 */
class CallbackSender {

    private final CallbackProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookSignature signature;
    private final HttpClient http;

    CallbackSender(CallbackProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.signature = properties.secret() == null || properties.secret().isEmpty() ? null : new WebhookSignature(properties.secret());
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Returns null when the receiver answered 2xx, otherwise a short reason (no response body, no secrets). */
    String send(String offerId, Callback callback) throws InterruptedException {
        byte[] body = json.writeValueAsBytes(new CallbackEvent(callback.eventId(), callback.status(), offerId,
                callback.timestamp(), callback.errorDetails()));
        var request = HttpRequest.newBuilder(properties.url()).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            long timestamp = clock.instant().getEpochSecond();
            request.header("webhook-id", callback.eventId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature.sign(callback.eventId(), timestamp, body));
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return "connection failed: " + e.getClass().getSimpleName();
        }
    }
}
