package io.github.vciconnector.web.management;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Management API limits and request rules, bound from {@code connector.management.*} (the port, address, TLS and
 * API key of the same prefix are read by {@code web.port.ManagementPortProperties}).
 *
 * @param maxBodySize largest request body accepted ({@code CONNECTOR_MANAGEMENT_MAX_BODY_SIZE}); larger ones get 413
 * @param allowedOrigins browser origins ({@code scheme://host[:port]}) whose requests are accepted
 *                       ({@code CONNECTOR_MANAGEMENT_ALLOWED_ORIGINS}); every other cross-site browser request gets 403
 * @param allowedHosts host names the {@code Host} header may carry ({@code CONNECTOR_MANAGEMENT_ALLOWED_HOSTS});
 *                     empty means any, otherwise other hosts get 421
 */
@ConfigurationProperties("connector.management")
public record ManagementApiProperties(@DefaultValue("64KB") DataSize maxBodySize, List<String> allowedOrigins,
                                      List<String> allowedHosts) {

    public ManagementApiProperties {
        if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("connector.management.max-body-size must be between 1KB and 16MB");
        }
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().filter(o -> !o.isBlank()).map(ManagementApiProperties::origin).distinct().toList();
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().filter(h -> !h.isBlank()).map(ManagementApiProperties::host).distinct().toList();
    }

    Set<String> originSet() {
        return Set.copyOf(allowedOrigins);
    }

    Set<String> hostSet() {
        return Set.copyOf(allowedHosts);
    }

    /** The origin as browsers serialise it (RFC 6454 §6.1): lower case, no default port, no path. */
    private static String origin(String value) {
        String refusal = "CONNECTOR_MANAGEMENT_ALLOWED_ORIGINS entries must be origins such as https://admin.example.com"
                + " (scheme, host, optional port; no path)";
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(refusal, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(refusal);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** A host name or IP literal without port ({@code [::1]} for IPv6), lower case. */
    private static String host(String value) {
        String host = value.strip().toLowerCase(Locale.ROOT);
        boolean ipv6 = host.startsWith("[") && host.endsWith("]") && host.indexOf(']') == host.length() - 1;
        if (!ipv6 && !host.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
            throw new IllegalArgumentException("CONNECTOR_MANAGEMENT_ALLOWED_HOSTS entries must be host names or IP addresses"
                    + " without port, e.g. connector,connector.internal,10.0.0.5");
        }
        return host;
    }
}
