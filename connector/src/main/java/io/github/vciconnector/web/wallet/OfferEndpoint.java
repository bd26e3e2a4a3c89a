package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.offer.OfferService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code credential_offer_uri} target (OID4VCI 1.0 §4.1.3): the offer as {@code application/json}, never cached.
 * Written by {@link WalletJson} (Nimbus), the JSON stack of everything the wallet reads; its 404 by {@link WalletErrorPage}.
 */
@RestController
class OfferEndpoint {

    /** The wallet port's error shape; the description says why without telling which case. */
    private static final byte[] NOT_FOUND = WalletErrorPage.bytes("not_found", "offer unknown, redeemed or expired");

    private final OfferService offers;

    OfferEndpoint(OfferService offers) {
        this.offers = offers;
    }

    @GetMapping(value = WalletProtocol.OFFERS_PATH + "{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> offer(@PathVariable String reference) {
        // VCI-OFR-6: the answer holds the pre-authorized code, a bearer secret.
        return offers.credentialOffer(reference)
                .map(offer -> WalletJson.ok().body(WalletJson.bytes(offer.toJSONObject())))
                .orElseGet(() -> WalletErrorPage.json(HttpStatus.NOT_FOUND).body(NOT_FOUND.clone()));
    }
}
