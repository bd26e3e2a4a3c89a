package io.github.vciconnector.web.management;

import io.github.vciconnector.offer.OfferError;
import io.github.vciconnector.offer.OfferException;
import io.github.vciconnector.webhook.CallbackDispatcher;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code POST /offers/{id}/callbacks/redeliver}: puts callbacks that were given up back in line. */
@RestController
class CallbacksController {

    private final CallbackDispatcher dispatcher;

    CallbacksController(CallbackDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping(value = "/offers/{offerId}/callbacks/redeliver", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> redeliver(@PathVariable String offerId) {
        int requeued = dispatcher.redeliver(offerId)
                .orElseThrow(() -> new OfferException(OfferError.OFFER_NOT_FOUND, null, "no offer with this id"));
        return Map.of("offer_id", offerId, "requeued", requeued);
    }
}
