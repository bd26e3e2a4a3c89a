package io.github.vciconnector.offer;

import java.time.Duration;
import java.util.Map;

/**
 * What the backend asks for: a configuration, the claims, an optional Transaction Code and lifetime.
 *
 * @param txCode null when no Transaction Code is wanted
 * @param expiresIn null for the configured default
 */
public record OfferRequest(String credentialConfigurationId, Map<String, Object> claims, TxCodeRequest txCode,
                           Duration expiresIn) {

    /** The Transaction Code wanted: entry mode, length and a hint for the user. */
    public record TxCodeRequest(String inputMode, Integer length, String description) {
    }
}
