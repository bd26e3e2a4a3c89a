package io.github.vciconnector.support;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every error of a port looks like: OAuth JSON {@code {error, error_description}} on the wallet port, RFC 9457
 * problem+json on the management port; a 4xx for the client's mistakes, and never internals in the body.
 */
public final class ErrorShapes {

    /** Java class names (java.lang.Foo, io.github..., org.apache...) and stack frames. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(\\b(java|javax|jakarta|org|io|com|tools)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+)|(\\bat [a-z][\\w.$]+\\()|Exception\\b|<html", Pattern.CASE_INSENSITIVE);

    private ErrorShapes() {
    }

    public static Map<String, Object> assertWalletError(int status, String contentType, String body) {
        assertThat(status).as("status of %s", body).isBetween(400, 499);
        assertThat(contentType).as("content type").startsWith("application/json");
        Map<String, Object> json = parse(body);
        assertThat(json).containsKey("error");
        assertThat(json.get("error")).isInstanceOf(String.class);
        assertNoInternals(body);
        return json;
    }

    public static Map<String, Object> assertProblem(int status, String contentType, String body) {
        assertThat(status).as("status of %s", body).isBetween(400, 499);
        assertThat(contentType).as("content type").startsWith("application/problem+json");
        Map<String, Object> json = parse(body);
        assertThat(json).containsKeys("type", "title", "status");
        assertThat(((Number) json.get("status")).intValue()).isEqualTo(status);
        assertNoInternals(body);
        return json;
    }

    public static void assertNoInternals(String text) {
        assertThat(INTERNALS.matcher(text).find()).as("internals in %s", text).isFalse();
    }

    private static Map<String, Object> parse(String body) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            assertThat(json).as("JSON object body").isNotNull();
            return json;
        } catch (ParseException e) {
            throw new AssertionError("error body is not a JSON object: " + body);
        }
    }
}
