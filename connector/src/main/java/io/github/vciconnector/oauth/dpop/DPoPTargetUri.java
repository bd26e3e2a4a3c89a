package io.github.vciconnector.oauth.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The comparable form of an {@code htu} (RFC 9449 §4.3 item 9): query and fragment dropped, then RFC 3986 §6.2.2
 * syntax-based (case, percent-encoding, dot segments) and §6.2.3 scheme-based (default port, empty path)
 * normalization.
 */
final class DPoPTargetUri {

    private DPoPTargetUri() {
    }

    /** The normalized form, or null when {@code htu} is not an absolute URI with a host. */
    static String normalize(String htu) {
        try {
            return normalize(new URI(htu));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String normalize(URI uri) {
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) return null;
        var normalized = uri.normalize(); // removes dot segments
        String scheme = normalized.getScheme().toLowerCase(Locale.ROOT);
        var out = new StringBuilder(scheme).append("://");
        if (normalized.getRawUserInfo() != null) out.append(normalized.getRawUserInfo()).append('@');
        out.append(normalized.getHost().toLowerCase(Locale.ROOT));
        int port = normalized.getPort();
        if (port != -1 && port != defaultPort(scheme)) out.append(':').append(port);
        String path = normalized.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : normalizePercentEncoding(path));
        return out.toString();
    }

    private static int defaultPort(String scheme) {
        if (scheme.equals("https")) return 443;
        return scheme.equals("http") ? 80 : -1;
    }

    /** Upper-case hex digits and decode unreserved characters (RFC 3986 §6.2.2.1, §6.2.2.2). */
    private static String normalizePercentEncoding(String rawPath) {
        if (rawPath.indexOf('%') < 0) return rawPath;
        var out = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            // java.net.URI already guarantees two hex digits after every '%'
            if (c != '%' || i + 2 >= rawPath.length()) {
                out.append(c);
                continue;
            }
            String hex = rawPath.substring(i + 1, i + 3);
            char decoded = (char) Integer.parseInt(hex, 16);
            if (isUnreserved(decoded)) out.append(decoded);
            else out.append('%').append(hex.toUpperCase(Locale.ROOT));
            i += 2;
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
