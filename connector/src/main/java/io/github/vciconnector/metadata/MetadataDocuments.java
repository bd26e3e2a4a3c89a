package io.github.vciconnector.metadata;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.keys.SigningKey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The metadata documents, rendered to bytes once at startup so each request only copies bytes. The signed form
 * of the issuer metadata (OID4VCI §12.2.3) is signed with the access certificate's key, never the credential key;
 * it expires after {@link #SIGNED_METADATA_LIFETIME} and is signed again once half of that has passed, so a request
 * signs nothing except the first one of each half-lifetime.
 */
public final class MetadataDocuments {

    /** {@code exp} - {@code iat} of the signed metadata, unless the access certificate ends earlier. */
    public static final Duration SIGNED_METADATA_LIFETIME = Duration.ofHours(24);
    private static final JOSEObjectType SIGNED_METADATA_TYPE = new JOSEObjectType("openidvci-issuer-metadata+jwt");

    /** One signed rendering and the time from which the next request signs a fresh one. */
    private record Signed(byte[] jwt, Instant renewAt) {
    }

    private final String issuerMetadataPath;
    private final String authorizationServerMetadataPath;
    private final CredentialIssuerMetadata issuer;
    private final String issuerIdentifier;
    private final SigningKey accessKey;
    private final Clock clock;
    private final byte[] issuerMetadata;
    private final byte[] authorizationServerMetadata;
    private volatile Signed signed;

    public MetadataDocuments(ConnectorProperties connector, CredentialConfigurations configurations, WalletTrustPolicy trust,
                             SigningKey accessKey, Clock clock) {
        this(connector, configurations, trust, null, accessKey, clock, false);
    }

    /**
     * @param issuerInfo            {@code issuer_info}, in both the plain and the signed document; null for none
     * @param authorizationCodeFlow true when the AS metadata advertises the authorization code flow (DESIGN §10)
     */
    public MetadataDocuments(ConnectorProperties connector, CredentialConfigurations configurations, WalletTrustPolicy trust,
                             IssuerInfo issuerInfo, SigningKey accessKey, Clock clock, boolean authorizationCodeFlow) {
        this.issuer = CredentialIssuerMetadata.of(connector, configurations, trust, issuerInfo);
        this.issuerIdentifier = connector.issuerIdentifier();
        this.accessKey = accessKey;
        this.clock = clock;
        this.issuerMetadataPath = connector.wellKnownPath("openid-credential-issuer");
        this.authorizationServerMetadataPath = connector.wellKnownPath("oauth-authorization-server");
        this.issuerMetadata = JSONObjectUtils.toJSONString(issuer.toJSONObject()).getBytes(StandardCharsets.UTF_8);
        this.signed = sign(clock.instant());
        this.authorizationServerMetadata = JSONObjectUtils.toJSONString(AuthorizationServerMetadata.of(connector, trust,
                        authorizationCodeFlow ? configurations.all().stream().map(CredentialConfiguration::scope).distinct().toList() : List.of())
                .toJSONObject())
                .getBytes(StandardCharsets.UTF_8);
    }

    private Signed sign(Instant now) {
        Instant exp = now.plus(SIGNED_METADATA_LIFETIME);
        Instant certificateEnd = accessKey.chain().isEmpty() ? exp : accessKey.chain().get(0).getNotAfter().toInstant();
        // A relying party must not trust the metadata longer than the certificate that vouches for it
        if (certificateEnd.isBefore(exp)) exp = certificateEnd;
        var claims = new JWTClaimsSet.Builder();
        issuer.toJSONObject().forEach(claims::claim);
        claims.subject(issuerIdentifier).issuer(issuerIdentifier).issueTime(Date.from(now)).expirationTime(Date.from(exp));
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(SIGNED_METADATA_TYPE)
                .x509CertChain(accessKey.jwk().getX509CertChain()).build();
        var jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(Es256.signer(accessKey.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign issuer metadata with the access key", e);
        }
        // At most one signature a minute, even when the certificate is about to end (or has ended)
        Instant renewAt = now.plus(Duration.between(now, exp).dividedBy(2));
        if (renewAt.isBefore(now.plusSeconds(60))) renewAt = now.plusSeconds(60);
        return new Signed(jwt.serialize().getBytes(StandardCharsets.US_ASCII), renewAt);
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

    /** The signed issuer metadata; signed again when half its lifetime has passed, so it always has half left. */
    public byte[] signedIssuerMetadata() {
        Signed current = signed;
        Instant now = clock.instant();
        if (!now.isBefore(current.renewAt())) {
            synchronized (this) {
                current = signed;
                if (!now.isBefore(current.renewAt())) signed = current = sign(now);
            }
        }
        return current.jwt().clone();
    }

    public byte[] authorizationServerMetadata() {
        return authorizationServerMetadata.clone();
    }
}
