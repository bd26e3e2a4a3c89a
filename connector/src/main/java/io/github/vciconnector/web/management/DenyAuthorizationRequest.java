package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /authorizations/{id}/deny}. */
@Schema(name = "DenyAuthorizationRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record DenyAuthorizationRequest(
        @Schema(description = "Shown to the wallet as error_description; printable ASCII without \" and \\", maxLength = 200,
                example = "login cancelled")
        @JsonProperty("reason") String reason) {
}
