package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.vciconnector.offer.AuthorizationSnapshot;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** Answer of {@code GET /authorizations/{id}} (DESIGN §10); no claims, no secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AuthorizationResponse")
record AuthorizationResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("authorization_id") String authorizationId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"PENDING", "COMPLETED", "DENIED", "REDEEMED", "EXPIRED"})
        @JsonProperty("status") String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("credential_configuration_id") String credentialConfigurationId,
        @Schema(description = "The scope the wallet asked with, if it used one") @JsonProperty("scope") String scope,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The wallet's client_id, authenticated by its wallet attestation")
        @JsonProperty("client_id") String clientId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "End of the current step (login, code, token)")
        @JsonProperty("expires_at") Instant expiresAt,
        @Schema(description = "The offer: given by the wallet (issuer-initiated) or created at completion") @JsonProperty("offer_id") String offerId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "True when an offer (with its claims) started it")
        @JsonProperty("issuer_initiated") boolean issuerInitiated) {

    static AuthorizationResponse of(AuthorizationSnapshot snapshot) {
        return new AuthorizationResponse(snapshot.authorizationId(), snapshot.status(), snapshot.credentialConfigurationId(),
                snapshot.scope(), snapshot.clientId(), snapshot.expiresAt(), snapshot.offerId(), snapshot.issuerInitiated());
    }
}
