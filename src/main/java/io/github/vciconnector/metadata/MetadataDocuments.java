package io.github.vciconnector.metadata;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.keys.Es256;
import io.github.vciconnector.keys.SigningKey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * The metadata documents, rendered to bytes once at startup so each request only copies bytes. The signed form
 * of the issuer metadata (OID4VCI §12.2.3) is signed with the access certificate's key, never the credential key.
 */
public final class MetadataDocuments {

    private static final JOSEObjectType SIGNED_METADATA_TYPE = new JOSEObjectType("openidvci-issuer-metadata+jwt");

    private final String issuerMetadataPath;
    private final String authorizationServerMetadataPath;
    private final byte[] issuerMetadata;
    private final byte[] signedIssuerMetadata;
    private final byte[] authorizationServerMetadata;

    public MetadataDocuments(ConnectorProperties connector, CredentialConfigurations configurations, WalletTrustPolicy trust,
                             SigningKey accessKey, Instant now) {
        Map<String, Object> issuer = IssuerMetadata.build(connector, configurations, trust);
        this.issuerMetadataPath = connector.wellKnownPath("openid-credential-issuer");
        this.authorizationServerMetadataPath = connector.wellKnownPath("oauth-authorization-server");
        this.issuerMetadata = JSONObjectUtils.toJSONString(issuer).getBytes(StandardCharsets.UTF_8);
        this.signedIssuerMetadata = sign(issuer, connector.issuerIdentifier(), accessKey, now);
        this.authorizationServerMetadata = JSONObjectUtils.toJSONString(AuthorizationServerMetadata.build(connector, trust))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sign(Map<String, Object> metadata, String issuer, SigningKey key, Instant now) {
        var claims = new JWTClaimsSet.Builder();
        metadata.forEach(claims::claim);
        claims.subject(issuer).issuer(issuer).issueTime(Date.from(now));
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(SIGNED_METADATA_TYPE)
                .x509CertChain(key.jwk().getX509CertChain()).build();
        var jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(Es256.signer(key.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign issuer metadata with the access key", e);
        }
        return jwt.serialize().getBytes(StandardCharsets.US_ASCII);
    }

    public String issuerMetadataPath() {
        return issuerMetadataPath;
    }

    public String authorizationServerMetadataPath() {
        return authorizationServerMetadataPath;
    }

    public byte[] issuerMetadata() {
        return issuerMetadata.clone();
    }

    public byte[] signedIssuerMetadata() {
        return signedIssuerMetadata.clone();
    }

    public byte[] authorizationServerMetadata() {
        return authorizationServerMetadata.clone();
    }
}
