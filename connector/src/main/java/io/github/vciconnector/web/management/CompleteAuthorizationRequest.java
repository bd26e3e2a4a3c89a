package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/** Body of {@code POST /authorizations/{id}/complete}; read by the strict mapper, so unknown fields are refused. */
@Schema(name = "CompleteAuthorizationRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record CompleteAuthorizationRequest(
        @Schema(description = "Claim values, required when the wallet started without an offer, refused otherwise",
                example = "{\"given_name\":\"Erika\",\"family_name\":\"Mustermann\"}")
        @JsonProperty("claims") Map<String, Object> claims) {

    @Override
    public String toString() {
        return "CompleteAuthorizationRequest";
    }
}
