package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Answer of complete and deny: where the backend sends the browser (303 or a link), back to the wallet. */
@Schema(name = "RedirectResponse")
record RedirectResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The wallet's redirect_uri with code, state and iss, or with error")
        @JsonProperty("redirect_uri") String redirectUri) {

    /** The URI carries the authorization code. */
    @Override
    public String toString() {
        return "RedirectResponse";
    }
}
