package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wallet attestation headers of one wallet instance, as the EUDI wallet sends them (EUDI-9): the attestation is
 * made once, a PoP signed by the instance key is made per request with a fresh {@code jti}, {@code aud} = the
 * authorization server issuer, {@code iat}, {@code nbf}, and {@code iss} = client_id in the draft-07 shape.
 */
public final class WalletAttestations implements ClientAttestationProvider {

    public static final String ATTESTATION_HEADER = "OAuth-Client-Attestation";
    public static final String POP_HEADER = "OAuth-Client-Attestation-PoP";

    private final String clientId;
    private final ECKey instanceKey;
    private final boolean draft07;
    private final Clock clock;
    private final String attestation;

    public WalletAttestations(WalletProvider provider, String clientId, ECKey instanceKey, boolean draft07, Clock clock) {
        this.clientId = clientId;
        this.instanceKey = instanceKey;
        this.draft07 = draft07;
        this.clock = clock;
        SignedJwtBuilder builder = provider.walletAttestation(clientId, instanceKey);
        // ABCA -08 and later dropped iss from the attestation too.
        this.attestation = (draft07 ? builder : builder.claim("iss", null)).build();
    }

    @Override
    public Map<String, String> headers(String authorizationServerIssuer) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(ATTESTATION_HEADER, attestation);
        headers.put(POP_HEADER, pop(authorizationServerIssuer).build());
        return headers;
    }

    /** A PoP builder for this instance, for tests that forge one. */
    public SignedJwtBuilder pop(String audience) {
        Instant now = clock.instant();
        return new SignedJwtBuilder(instanceKey)
                .header("typ", "oauth-client-attestation-pop+jwt")
                .claim("iss", draft07 ? clientId : null)
                .claim("aud", audience)
                .claim("jti", DPoPProofs.randomJti())
                .claim("iat", now.getEpochSecond())
                .claim("nbf", now.getEpochSecond());
    }

    public String attestation() {
        return attestation;
    }

    public String clientId() {
        return clientId;
    }

    public ECKey instanceKey() {
        return instanceKey;
    }
}
