package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.vciconnector.offer.OfferSnapshot;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.status.StatusListUris;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Answer of {@code GET /offers/{id}}: status, when each step happened, how many credentials were issued; never
 * claim values; the delivery state of each callback event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OfferStatusResponse")
record OfferStatusResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("offer_id") String offerId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("credential_configuration_id") String credentialConfigurationId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("status") OfferStatus status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("created_at") Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("expires_at") Instant expiresAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "When the offer reached each status it has been in")
        @JsonProperty("timestamps") Map<OfferStatus, Instant> timestamps,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("credentials_issued") int credentialsIssued,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("tx_code_required") boolean txCodeRequired,
        @Schema(description = "Why the offer failed or ended, without personal data") @JsonProperty("error_details") String errorDetails,
        @Schema(description = "Each callback event of the offer and its delivery state, in order")
        @JsonProperty("callbacks") List<CallbackStatus> callbacks,
        @Schema(description = "When the credentials were revoked (POST /offers/{id}/revoke); absent before")
        @JsonProperty("revoked_at") Instant revokedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Each credential issued: its Token Status List entry and status")
        @JsonProperty("credentials") List<CredentialStatus> credentials) {

    static OfferStatusResponse of(OfferSnapshot offer, StatusListUris uris) {
        return new OfferStatusResponse(offer.offerId(), offer.credentialConfigurationId(), offer.status(), offer.createdAt(),
                offer.expiresAt(), offer.timestamps(), offer.credentialsIssued(), offer.txCodeRequired(), offer.failureReason(),
                offer.callbacks().stream().map(CallbackStatus::of).toList(), offer.revokedAt(),
                offer.credentials().stream().map(entry -> new CredentialStatus(
                        new CredentialStatus.StatusListEntry(entry.idx(), uris.uri(entry.list()).toString()),
                        offer.credentialStatus())).toList());
    }

    /** One credential's entry, as its {@code status.status_list} claim names it, and its status there. */
    @Schema(name = "CredentialStatus")
    record CredentialStatus(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("status_list") StatusListEntry statusList,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"VALID", "INVALID"}) @JsonProperty("status") String status) {

        @Schema(name = "StatusListEntry")
        record StatusListEntry(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("idx") int idx,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("uri") String uri) {
        }
    }
}
