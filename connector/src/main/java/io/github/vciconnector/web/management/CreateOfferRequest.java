package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * Body of {@code POST /offers} (DESIGN §4, snake_case). Read by a strict mapper (see {@link ManagementWebConfiguration}):
 * unknown fields, duplicate keys and JSON types other than the declared ones are refused with the field named.
 */
@Schema(name = "CreateOfferRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record CreateOfferRequest(
        @Schema(description = "Credential configuration to offer, matched case-insensitively", example = "IdentityCredential",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("credential_configuration_id") String credentialConfigurationId,
        @Schema(description = "Claim values; must follow the Type Metadata claim paths of the configuration",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "{\"given_name\":\"Erika\",\"family_name\":\"Mustermann\"}")
        @JsonProperty("claims") Map<String, Object> claims,
        @Schema(description = "Ask for a Transaction Code; the generated code is returned once")
        @JsonProperty("tx_code") TxCode txCode,
        @Schema(description = "Offer lifetime in seconds; default and maximum are configured", minimum = "1", example = "600")
        @JsonProperty("expires_in") Long expiresIn,
        @Schema(description = "The grant the offer carries: the wallet logs the person in at the backend with authorization_code "
                + "(DESIGN §10; needs CONNECTOR_AUTHORIZATION_LOGIN_URL; no tx_code)", allowableValues = {"pre-authorized_code", "authorization_code"},
                defaultValue = "pre-authorized_code")
        @JsonProperty("grant") String grant) {

    /** The Transaction Code wanted: {@code input_mode} numeric or text, {@code length} 4-12, {@code description} up to 300 characters. */
    @Schema(name = "TxCodeRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record TxCode(@Schema(allowableValues = {"numeric", "text"}, defaultValue = "numeric")
                  @JsonProperty("input_mode") String inputMode,
                  @Schema(minimum = "4", maximum = "12", defaultValue = "6")
                  @JsonProperty("length") Integer length,
                  @Schema(maxLength = 300, description = "Shown by the wallet next to the input field")
                  @JsonProperty("description") String description) {
    }

    @Override
    public String toString() {
        return "CreateOfferRequest[credential_configuration_id=" + credentialConfigurationId + "]";
    }
}
