package io.github.vciconnector.demo;

import java.util.Map;

/**
 * Supplies wallet attestation headers for the Token Request ({@code OAuth-Client-Attestation} and
 * {@code OAuth-Client-Attestation-PoP}, ABCA / EUDI-9). It is called once per attempt, so a PoP gets a fresh jti.
 */
@FunctionalInterface
public interface ClientAttestationProvider {

    /** Sends no attestation: anonymous or plain {@code client_id} pre-authorized code flow. */
    ClientAttestationProvider NONE = authorizationServerIssuer -> Map.of();

    /** Header name to value; {@code authorizationServerIssuer} is the PoP audience. */
    Map<String, String> headers(String authorizationServerIssuer);
}
