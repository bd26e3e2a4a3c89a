package io.github.vciconnector.web.management;

import io.github.vciconnector.offer.CreatedOffer;
import io.github.vciconnector.offer.OfferError;
import io.github.vciconnector.offer.OfferException;
import io.github.vciconnector.offer.OfferRequest;
import io.github.vciconnector.offer.OfferService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;

/** The management API resource {@code /offers} (DESIGN §4), served on the management port only. */
@RestController
class OffersController {

    private final OfferService offers;

    OffersController(OfferService offers) {
        this.offers = offers;
    }

    @PostMapping(value = "/offers", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferResponse> create(@RequestBody CreateOfferRequest body) {
        if (body == null) throw new OfferException(OfferError.INVALID_CLAIMS, null, "request body is required");
        var txCode = body.txCode() == null ? null
                : new OfferRequest.TxCodeRequest(body.txCode().inputMode(), body.txCode().length(), body.txCode().description());
        CreatedOffer created = offers.create(new OfferRequest(body.credentialConfigurationId(), body.claims(), txCode,
                body.expiresIn() == null ? null : Duration.ofSeconds(body.expiresIn())));
        return ResponseEntity.created(URI.create("/offers/" + created.offerId())).cacheControl(CacheControl.noStore())
                .body(new OfferResponse(created.offerId(), created.credentialOfferUri(), created.txCode(), created.expiresAt()));
    }

    @GetMapping(value = "/offers/{offerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    OfferStatusResponse status(@PathVariable String offerId) {
        return offers.find(offerId).map(OfferStatusResponse::of)
                .orElseThrow(() -> new OfferException(OfferError.OFFER_NOT_FOUND, null, "no offer with this id"));
    }
}
