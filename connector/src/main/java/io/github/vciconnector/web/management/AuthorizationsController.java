package io.github.vciconnector.web.management;

import io.github.vciconnector.offer.AuthorizationDecisions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The management API resource {@code /authorizations} (DESIGN §10): the backend's login page reads what is asked,
 * then completes or denies, and sends the browser to the {@code redirect_uri} it gets back. Nothing is cacheable.
 */
@RestController
class AuthorizationsController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final AuthorizationDecisions decisions;

    AuthorizationsController(AuthorizationDecisions decisions) {
        this.decisions = decisions;
    }

    @Operation(summary = "Read an authorization", description = "What the wallet asks for (credential configuration, "
            + "scope), the wallet's client_id, until when the person may log in, and the offer of an issuer-initiated request.")
    @ApiResponse(responseCode = "200", description = "The authorization")
    @ApiResponse(responseCode = "404", description = "No such authorization", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @GetMapping(value = "/authorizations/{authorizationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuthorizationResponse> read(@PathVariable String authorizationId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(AuthorizationResponse.of(decisions.snapshot(authorizationId)));
    }

    @Operation(summary = "Complete an authorization", description = "The person is logged in. claims are required when "
            + "the wallet started without an offer (the offer is created now, with an OFFER_CREATED callback) and refused "
            + "when the offer already has them. Send the browser to redirect_uri (code, state, iss).")
    @ApiResponse(responseCode = "200", description = "Completed")
    @ApiResponse(responseCode = "400", description = "claims missing, not allowed, or not matching the Type Metadata", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "404", description = "No such authorization", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "409", description = "Already completed or denied, or the offer ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "410", description = "The authorization expired", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @PostMapping(value = "/authorizations/{authorizationId}/complete", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RedirectResponse> complete(@PathVariable String authorizationId,
                                              @RequestBody(required = false) CompleteAuthorizationRequest body) {
        var uri = decisions.complete(authorizationId, body == null ? null : body.claims());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RedirectResponse(uri.toString()));
    }

    @Operation(summary = "Deny an authorization", description = "The wallet gets error=access_denied (with the reason as "
            + "error_description). Send the browser to redirect_uri.")
    @ApiResponse(responseCode = "200", description = "Denied")
    @ApiResponse(responseCode = "400", description = "reason not printable ASCII", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "404", description = "No such authorization", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "409", description = "Already completed or denied", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "410", description = "The authorization expired", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @PostMapping(value = "/authorizations/{authorizationId}/deny", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RedirectResponse> deny(@PathVariable String authorizationId,
                                          @RequestBody(required = false) DenyAuthorizationRequest body) {
        var uri = decisions.deny(authorizationId, body == null ? null : body.reason());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RedirectResponse(uri.toString()));
    }
}
