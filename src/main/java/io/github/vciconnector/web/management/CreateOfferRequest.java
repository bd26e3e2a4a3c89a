package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** Body of {@code POST /offers} (DESIGN §4, snake_case). */
record CreateOfferRequest(
        @JsonProperty("credential_configuration_id") String credentialConfigurationId,
        @JsonProperty("claims") Map<String, Object> claims,
        @JsonProperty("tx_code") TxCode txCode,
        @JsonProperty("expires_in") Long expiresIn) {

    /** The Transaction Code wanted: {@code input_mode} numeric or text, {@code length} 4-12, {@code description} up to 300 characters. */
    record TxCode(@JsonProperty("input_mode") String inputMode,
                  @JsonProperty("length") Integer length,
                  @JsonProperty("description") String description) {
    }

    @Override
    public String toString() {
        return "CreateOfferRequest[credential_configuration_id=" + credentialConfigurationId + "]";
    }
}
