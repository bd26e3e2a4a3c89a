package io.github.vciconnector.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code redirect_uri} a wallet may register at PAR. Wallets are public clients identified by their wallet
 * attestation, without pre-registered redirect URIs, so the URI pushed with the request is the one registration
 * (RFC 9126 §2.4) and the authorization response goes nowhere else. Accepted: an absolute URI without fragment
 * (RFC 6749 §3.1.2), https, http to a loopback address (RFC 8252 §7.3), or a private-use scheme (RFC 8252 §7.1);
 * never a scheme a browser would run or read locally.
 */
final class RedirectUris {

    private static final Set<String> REFUSED_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "about", "blob",
            "filesystem", "ftp", "ws", "wss", "mailto", "tel", "sms", "intent", "chrome", "view-source");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUris() {
    }

    /** Throws {@code invalid_request} naming what is wrong; {@code uri} is the wallet's own and never echoed. */
    static void require(String uri) {
        if (uri == null || uri.isEmpty()) throw invalid("redirect_uri is required");
        if (uri.length() > 2048) throw invalid("redirect_uri is too long");
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid("redirect_uri is not a URI");
        }
        if (!parsed.isAbsolute() || parsed.getRawFragment() != null) throw invalid("redirect_uri must be absolute, without a fragment");
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (REFUSED_SCHEMES.contains(scheme)) throw invalid("redirect_uri scheme is not allowed");
        if ("https".equals(scheme) && (parsed.getRawAuthority() == null || parsed.getHost() == null)) throw invalid("redirect_uri needs a host");
        if ("http".equals(scheme) && (parsed.getHost() == null || !LOOPBACK.contains(parsed.getHost().toLowerCase(Locale.ROOT)))) {
            throw invalid("redirect_uri with http must be a loopback address");
        }
    }

    private static TokenRequestException invalid(String description) {
        return new TokenRequestException(TokenError.INVALID_REQUEST, description);
    }
}
