package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * Answer of {@code POST /offers}: {@code tx_code} is the generated code, shown this once only (an idempotent replay
 * omits it); {@code qr_code} is a PNG data URI of {@code credential_offer_uri}, present when asked for with {@code qr=true}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OfferResponse")
record OfferResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("offer_id") String offerId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "openid-credential-offer:// link, by reference")
        @JsonProperty("credential_offer_uri") String credentialOfferUri,
        @Schema(description = "The Transaction Code to give the user; only in the first response") @JsonProperty("tx_code") String txCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("expires_at") Instant expiresAt,
        @Schema(description = "data:image/png;base64 QR code of credential_offer_uri, when qr=true") @JsonProperty("qr_code") String qrCode) {

    @Override
    public String toString() {
        return "OfferResponse[offer_id=" + offerId + "]";
    }
}
