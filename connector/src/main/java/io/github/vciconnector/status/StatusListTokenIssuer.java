package io.github.vciconnector.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.keys.StatusList;
import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.keys.SigningKey;
import io.github.vciconnector.session.StatusListStore.StoredStatusList;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * Renders Status List Tokens (TSL-2): header {@code typ: statuslist+jwt}, ES256, {@code x5c} = the credential signing
 * chain (TSL-6, so wallets that want one certificate for list and credential accept it); payload {@code sub} (the
 * list URI, exactly as credentials reference it), {@code iat}, {@code exp}, {@code ttl}, {@code status_list}.
 */
public final class StatusListTokenIssuer {

    public static final JOSEObjectType STATUSLIST_JWT = new JOSEObjectType("statuslist+jwt");

    private final JWSHeader header;
    private final JWSSigner signer;
    private final StatusListUris uris;
    private final Duration ttl;
    private final Duration lifetime;

    public StatusListTokenIssuer(SigningKey signingKey, StatusListUris uris, Duration ttl, Duration lifetime) {
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(STATUSLIST_JWT).keyID(signingKey.jwk().getKeyID())
                .x509CertChain(signingKey.jwk().getX509CertChain()).build();
        this.signer = Es256.signer(signingKey.jwk());
        this.uris = uris;
        this.ttl = ttl;
        this.lifetime = lifetime;
    }

    public StatusListToken render(StoredStatusList stored, Instant now) {
        var list = new StatusList(stored.bits(), stored.bytes());
        var statusList = new LinkedHashMap<String, Object>();
        statusList.put("bits", list.bits());
        statusList.put("lst", list.lst());
        Instant iat = Instant.ofEpochSecond(now.getEpochSecond());
        Instant exp = iat.plus(lifetime);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("sub", uris.uri(stored.listId()).toString());
        payload.put("iat", iat.getEpochSecond());
        payload.put("exp", exp.getEpochSecond());
        payload.put("ttl", ttl.toSeconds());
        payload.put("status_list", statusList);
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("status list signing failed", e);
        }
        return new StatusListToken(jws.serialize().getBytes(StandardCharsets.US_ASCII),
                JSONObjectUtils.toJSONString(statusList).getBytes(StandardCharsets.UTF_8),
                "\"" + stored.version() + "-" + iat.getEpochSecond() + "\"", stored.version(), iat, exp);
    }
}
