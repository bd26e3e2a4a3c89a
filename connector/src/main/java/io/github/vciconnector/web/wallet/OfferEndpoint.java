package io.github.vciconnector.web.wallet;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.offer.OfferService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * The {@code credential_offer_uri} target (OID4VCI 1.0 §4.1.3): the offer as {@code application/json}, never cached.
 * Written with Nimbus {@code JSONObjectUtils}, the JSON stack of everything the wallet reads.
 */
@RestController
class OfferEndpoint {

    private static final byte[] NOT_FOUND = notFoundBody();

    private final OfferService offers;

    OfferEndpoint(OfferService offers) {
        this.offers = offers;
    }

    @GetMapping(value = WalletProtocol.OFFERS_PATH + "{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> offer(@PathVariable String reference) {
        // VCI-OFR-6: the answer holds the pre-authorized code, a bearer secret.
        return offers.credentialOffer(reference)
                .map(offer -> json(HttpStatus.OK).body(JSONObjectUtils.toJSONString(offer.toJSONObject()).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> json(HttpStatus.NOT_FOUND).body(NOT_FOUND.clone()));
    }

    private static ResponseEntity.BodyBuilder json(HttpStatus status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore());
    }

    /** The OAuth error shape every wallet-port error has; the description says why without telling which case. */
    private static byte[] notFoundBody() {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", "not_found");
        body.put("error_description", "offer unknown, redeemed or expired");
        return JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
    }
}
