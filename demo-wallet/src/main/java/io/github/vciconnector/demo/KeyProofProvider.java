package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;

import java.util.List;
import java.util.Map;

/**
 * Builds the {@code proofs} object of a Credential Request (OID4VCI 1.0 §8.2, App. F) for the holder keys.
 * The default is {@link JwtKeyProofs}; a key-attestation variant ({@code jwt} + {@code key_attestation} header, or
 * the {@code attestation} proof type, EUDI-5) plugs in here.
 */
@FunctionalInterface
public interface KeyProofProvider {

    /**
     * @param holderKeys private holder keys, one credential is requested per key, in this order
     * @param cNonce     the {@code c_nonce} from the Nonce Endpoint, or null when the issuer has none
     * @param audience   the Credential Issuer Identifier
     * @return the JSON {@code proofs} object, e.g. {@code {"jwt": ["eyJ..", ..]}}
     */
    Map<String, Object> proofs(List<ECKey> holderKeys, String cNonce, String audience);
}
