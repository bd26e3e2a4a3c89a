package io.github.vciconnector.web.management;

import io.github.vciconnector.offer.CreatedOffer;
import io.github.vciconnector.offer.OfferError;
import io.github.vciconnector.offer.OfferException;
import io.github.vciconnector.offer.OfferRequest;
import io.github.vciconnector.offer.OfferRevocation;
import io.github.vciconnector.offer.OfferService;
import io.github.vciconnector.status.StatusListUris;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;

/** The management API resource {@code /offers} (DESIGN §4), served on the management port only; nothing is cacheable. */
@RestController
class OffersController {

    static final String SVG = "image/svg+xml";
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final OfferService offers;
    private final OfferRevocation revocation;
    private final StatusListUris statusListUris;

    OffersController(OfferService offers, OfferRevocation revocation, StatusListUris statusListUris) {
        this.offers = offers;
        this.revocation = revocation;
        this.statusListUris = statusListUris;
    }

    @Operation(summary = "Create a credential offer", description = "Checks the claims against the Type Metadata, stores "
            + "the offer and returns its credential_offer_uri. The same Idempotency-Key with the same body returns the same "
            + "offer (without tx_code, which is shown once only); with another body it is refused with 409.")
    @ApiResponse(responseCode = "201", description = "Offer created (or replayed: header Idempotent-Replayed: true)",
            headers = {@Header(name = "Location", description = "/offers/{offer_id}"),
                    @Header(name = "Idempotent-Replayed", description = "true when this answer replays an earlier request")})
    @ApiResponse(responseCode = "400", description = "Invalid field, claim or parameter", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "409", description = "Idempotency-Key used with another body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "413", description = "Body larger than the configured maximum", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "415", description = "Body is not application/json", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @PostMapping(value = "/offers", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferResponse> create(@RequestBody CreateOfferRequest body,
            @Parameter(description = "Any printable ASCII, up to 255 characters; kept as long as the offer is readable")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Parameter(description = "Also return the QR code as a PNG data URI in qr_code")
            @RequestParam(name = "qr", defaultValue = "false") boolean qr) {
        if (body == null) throw new OfferException(OfferError.INVALID_CLAIMS, null, "request body is required");
        var txCode = body.txCode() == null ? null
                : new OfferRequest.TxCodeRequest(body.txCode().inputMode(), body.txCode().length(), body.txCode().description());
        CreatedOffer created = offers.create(new OfferRequest(body.credentialConfigurationId(), body.claims(), txCode,
                body.expiresIn() == null ? null : Duration.ofSeconds(body.expiresIn()), OfferRequest.Grant.fromWire(body.grant())),
                idempotencyKey);
        String offerUri = created.credentialOfferUri().toURIString();
        String qrCode = qr ? QrCodes.pngDataUri(offerUri, QrCodes.DEFAULT_SIZE) : null;
        var response = ResponseEntity.created(URI.create("/offers/" + created.offerId())).cacheControl(CacheControl.noStore());
        if (created.replayed()) response.header("Idempotent-Replayed", "true");
        return response.body(new OfferResponse(created.offerId(), offerUri, created.txCode(),
                created.expiresAt(), qrCode));
    }

    @Operation(summary = "Read an offer's status", description = "Status, the time of each step and the number of "
            + "credentials issued. Never claim values. An offer past its expiry reads as EXPIRED.")
    @ApiResponse(responseCode = "200", description = "The offer")
    @ApiResponse(responseCode = "404", description = "No such offer (or no longer retained)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @GetMapping(value = "/offers/{offerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferStatusResponse> status(@PathVariable String offerId) {
        OfferStatusResponse status = offers.snapshot(offerId).map(offer -> OfferStatusResponse.of(offer, statusListUris))
                .orElseThrow(() -> new OfferException(OfferError.OFFER_NOT_FOUND, null, "no offer with this id"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status);
    }

    @Operation(summary = "Cancel an offer", description = "The wallet gets invalid_grant from then on. Idempotent: "
            + "cancelling a cancelled offer answers 204 again. On an ISSUED offer the claims are deleted at once and the "
            + "wallet's access token fetches no further copies; the offer stays ISSUED and no callback is sent.")
    @ApiResponse(responseCode = "204", description = "Cancelled, or for an ISSUED offer: claims deleted")
    @ApiResponse(responseCode = "404", description = "No such offer", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "409", description = "The offer already failed or expired", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @DeleteMapping("/offers/{offerId}")
    ResponseEntity<Void> cancel(@PathVariable String offerId) {
        offers.cancel(offerId);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @Operation(summary = "Revoke an offer's credentials", description = "Every credential of the offer becomes INVALID "
            + "in its Token Status List (within CONNECTOR_STATUS_LIST_PUBLISH_DELAY on every replica) and a REVOKED callback "
            + "is sent. Irreversible and idempotent: revoking again answers 204 and changes nothing. Before issuance it ends "
            + "the offer like a cancel (status REVOKED). An offer that failed, expired or was cancelled issued nothing and "
            + "stays as it is.")
    @ApiResponse(responseCode = "204", description = "Revoked (or nothing to revoke)")
    @ApiResponse(responseCode = "404", description = "No such offer", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @PostMapping("/offers/{offerId}/revoke")
    ResponseEntity<Void> revoke(@PathVariable String offerId) {
        revocation.revoke(offerId);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @Operation(summary = "QR code of the credential_offer_uri", description = "PNG unless Accept prefers image/svg+xml. "
            + "Only while the offer can be taken up (status OFFER_CREATED, not expired).")
    @ApiResponse(responseCode = "200", description = "The QR code", content = {
            @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = SVG, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "size out of bounds", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "404", description = "No such offer", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "409", description = "The offer can no longer be taken up", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @GetMapping(value = "/offers/{offerId}/qr", produces = {MediaType.IMAGE_PNG_VALUE, SVG})
    ResponseEntity<byte[]> qr(@PathVariable String offerId,
            @Parameter(description = "Width and height in pixels",
                    schema = @Schema(type = "integer", format = "int32", minimum = "" + QrCodes.MIN_SIZE, maximum = "" + QrCodes.MAX_SIZE, defaultValue = "" + QrCodes.DEFAULT_SIZE))
            @RequestParam(name = "size", defaultValue = "" + QrCodes.DEFAULT_SIZE) int size,
            @Parameter(hidden = true) @RequestHeader(name = "Accept", required = false) String accept) {
        if (size < QrCodes.MIN_SIZE || size > QrCodes.MAX_SIZE) {
            throw new InvalidParameterException("size", "size must be between " + QrCodes.MIN_SIZE + " and " + QrCodes.MAX_SIZE);
        }
        String uri = offers.requireActiveOfferUri(offerId).toURIString();
        boolean svg = AcceptHeader.prefers(accept, MediaType.parseMediaType(SVG), MediaType.IMAGE_PNG);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()) // the image carries the offer
                .contentType(svg ? MediaType.parseMediaType(SVG) : MediaType.IMAGE_PNG)
                .body(svg ? QrCodes.svg(uri, size) : QrCodes.png(uri, size));
    }
}
