package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answer of {@code GET /offers/{id}}: status and timestamps, never claim values. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OfferStatusResponse(
        @JsonProperty("offer_id") String offerId,
        @JsonProperty("credential_configuration_id") String credentialConfigurationId,
        @JsonProperty("status") OfferStatus status,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("timestamps") Map<OfferStatus, Instant> timestamps,
        @JsonProperty("credentials_issued") int credentialsIssued,
        @JsonProperty("tx_code_required") boolean txCodeRequired,
        @JsonProperty("error_details") String errorDetails,
        @JsonProperty("callbacks") List<CallbackStatus> callbacks) {

    static OfferStatusResponse of(IssuanceSession session) {
        return new OfferStatusResponse(session.offerId(), session.credentialConfigurationId(), session.status(),
                session.createdAt(), session.expiresAt(), new LinkedHashMap<>(session.history()), session.credentialsIssued(),
                session.txCode() != null, session.failureReason(),
                session.callbacks().stream().map(CallbackStatus::of).toList());
    }
}
