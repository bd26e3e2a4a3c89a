package io.github.vciconnector.web.wallet;

import io.github.vciconnector.metadata.IssuerMetadata;
import io.github.vciconnector.offer.OfferService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The {@code credential_offer_uri} target (OID4VCI 1.0 §4.1.3): the offer as {@code application/json}, never cached. */
@RestController
class OfferEndpoint {

    private final OfferService offers;

    OfferEndpoint(OfferService offers) {
        this.offers = offers;
    }

    @GetMapping(value = IssuerMetadata.OFFERS_PATH + "{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> offer(@PathVariable String reference) {
        // VCI-OFR-6: the answer holds the pre-authorized code, a bearer secret.
        return offers.credentialOffer(reference)
                .map(offer -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(offer))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore())
                        .body(Map.of("error", "not_found", "error_description", "offer unknown, redeemed or expired")));
    }
}
