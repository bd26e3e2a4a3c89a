package io.github.vciconnector.demo;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Credential Offer link as scanned or clicked (OID4VCI 1.0 §4.1, VCI-OFF-1/8): exactly one of the offer by value
 * ({@code credential_offer}, JSON) or by reference ({@code credential_offer_uri}, an http(s) URL).
 */
public record CredentialOfferUri(String offerJson, URI offerUri) {

    /** Schemes a wallet registers for offers: the OID4VCI default and the HAIP one; https for wallet endpoints. */
    public static final Set<String> SCHEMES = Set.of("openid-credential-offer", "haip-vci", "https", "http");

    public CredentialOfferUri {
        if ((offerJson == null) == (offerUri == null)) {
            throw new WalletException("offer needs exactly one of credential_offer and credential_offer_uri");
        }
    }

    /** Parses {@code openid-credential-offer://?credential_offer_uri=...} (or {@code credential_offer=...}). */
    public static CredentialOfferUri parse(String link) {
        if (link == null || link.isBlank()) {
            throw new WalletException("empty credential offer link");
        }
        String trimmed = link.trim();
        int colon = trimmed.indexOf(':');
        String scheme = colon < 0 ? "" : trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new WalletException("unsupported offer scheme: " + (scheme.isEmpty() ? "none" : scheme));
        }
        int question = trimmed.indexOf('?');
        if (question < 0) {
            throw new WalletException("offer link has no query");
        }
        int hash = trimmed.indexOf('#', question);
        Map<String, String> params = queryParameters(trimmed.substring(question + 1,
                hash < 0 ? trimmed.length() : hash));
        String byValue = params.get("credential_offer");
        String byReference = params.get("credential_offer_uri");
        if (byReference == null) {
            return new CredentialOfferUri(byValue, null);
        }
        URI uri;
        try {
            uri = URI.create(byReference);
        } catch (IllegalArgumentException e) {
            throw new WalletException("credential_offer_uri is not a URI", e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new WalletException("credential_offer_uri must be an http(s) URL");
        }
        return new CredentialOfferUri(byValue, uri);
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw new WalletException("offer link repeats parameter " + name);
            }
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WalletException("offer link is not correctly percent-encoded", e);
        }
    }
}
