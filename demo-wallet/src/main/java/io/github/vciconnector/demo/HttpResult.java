package io.github.vciconnector.demo;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.http.HttpHeaders;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer as the wallet saw it, before any interpretation; integration tests use it to assert on raw
 * negative cases (status, headers, body) without the wallet's retry and error mapping getting in the way.
 */
public record HttpResult(int status, HttpHeaders headers, String body) {

    public HttpResult {
        body = body == null ? "" : body;
    }

    /** The first value of a response header (case-insensitive name). */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The media type of the {@code Content-Type} header without parameters, lower case, or empty. */
    public String mediaType() {
        String contentType = header("Content-Type").orElse("");
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The body as a JSON object; throws {@link WalletException} when it is not one. */
    public Map<String, Object> json() {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new WalletException("response body is not a JSON object (HTTP " + status + ")", e);
        }
    }

    /** Returns this result when 2xx, otherwise throws a {@link WalletException} describing the error response. */
    public HttpResult requireSuccess(String step) {
        if (isSuccess()) {
            return this;
        }
        String error = null;
        String description = null;
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            error = json.get("error") instanceof String s ? s : null;
            description = json.get("error_description") instanceof String s ? s : null;
        } catch (ParseException | RuntimeException e) {
            // an empty or non-JSON error body is reported by status and WWW-Authenticate only
        }
        throw new WalletException(step, status, error, description, header("WWW-Authenticate").orElse(null));
    }
}
