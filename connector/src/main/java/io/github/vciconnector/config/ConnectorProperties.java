package io.github.vciconnector.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The Credential Issuer Identifier ({@code connector.public-base-url}): the only source of absolute URLs the
 * connector hands out or compares against (metadata, offer URIs, {@code aud}, DPoP {@code htu}).
 *
 * @see <a href="https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#section-12.2.1">OID4VCI §12.2.1</a>
 */
@Validated
@ConfigurationProperties("connector")
public record ConnectorProperties(@NotNull URI publicBaseUrl) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public ConnectorProperties {
        if (publicBaseUrl == null) {
            throw new IllegalArgumentException("CONNECTOR_PUBLIC_BASE_URL (connector.public-base-url) is not set: "
                    + "set it to the URL wallets reach this connector at, e.g. https://issuer.example.com");
        }
        if (publicBaseUrl.getHost() == null || !publicBaseUrl.isAbsolute()) {
            throw invalid("must be an absolute URL such as https://issuer.example.com");
        }
        // VCI-MD-1: https, no query, no fragment. Plain http only for loopback development setups.
        if (!isHttpsOrLoopbackHttp(publicBaseUrl)) {
            throw invalid("must use https (http is accepted only for localhost)");
        }
        if (publicBaseUrl.getRawQuery() != null || publicBaseUrl.getRawFragment() != null) {
            throw invalid("must not have a query or fragment");
        }
        String text = publicBaseUrl.toString();
        while (text.endsWith("/")) text = text.substring(0, text.length() - 1);
        publicBaseUrl = URI.create(text);
    }

    /**
     * The rule for every URL the connector serves or fetches: https, or plain http to this machine only
     * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) for development setups.
     */
    public static boolean isHttpsOrLoopbackHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return "https".equals(scheme) && !host.isEmpty() || "http".equals(scheme) && LOOPBACK.contains(host);
    }

    /** The Credential Issuer Identifier as a string, byte-identical everywhere it appears. */
    public String issuerIdentifier() {
        return publicBaseUrl.toString();
    }

    /** An absolute URL below the issuer identifier, e.g. {@code endpoint("/oidc4vci/token")}. */
    public URI endpoint(String path) {
        return URI.create(issuerIdentifier() + path);
    }

    /** RFC 8414 §3 / OID4VCI §12.2.2: the well-known segment goes between host and path. */
    public String wellKnownPath(String wellKnownName) {
        String path = publicBaseUrl.getRawPath() == null ? "" : publicBaseUrl.getRawPath();
        return "/.well-known/" + wellKnownName + path;
    }

    /** The path part of the issuer identifier ("" when it has none), prefixed to every public route. */
    public String basePath() {
        return publicBaseUrl.getRawPath() == null ? "" : publicBaseUrl.getRawPath();
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("CONNECTOR_PUBLIC_BASE_URL (connector.public-base-url) " + why);
    }
}
