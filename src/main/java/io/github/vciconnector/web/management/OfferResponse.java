package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** Answer of {@code POST /offers}: {@code tx_code} is the generated code, shown this once only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OfferResponse(
        @JsonProperty("offer_id") String offerId,
        @JsonProperty("credential_offer_uri") String credentialOfferUri,
        @JsonProperty("tx_code") String txCode,
        @JsonProperty("expires_at") Instant expiresAt) {

    @Override
    public String toString() {
        return "OfferResponse[offer_id=" + offerId + "]";
    }
}
