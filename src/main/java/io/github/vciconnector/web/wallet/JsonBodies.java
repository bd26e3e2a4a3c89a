package io.github.vciconnector.web.wallet;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/** Reads a bounded {@code application/json} object body of a wallet request; empty when it is not one. */
final class JsonBodies {

    static final int MAX_BODY_BYTES = 256 * 1024;

    private JsonBodies() {
    }

    /** The reason the body is unusable, or empty and {@code into[0]} set to the parsed object. */
    static Optional<String> read(HttpServletRequest request, Map<String, Object>[] into) throws IOException {
        String type = request.getContentType();
        if (type == null || !isJson(type)) return Optional.of("content type must be application/json");
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) return Optional.of("request body is too large");
        try {
            into[0] = JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
            // Nimbus returns null for the JSON literal null instead of refusing it as "not an object"
            return into[0] == null ? Optional.of("request body is not a JSON object") : Optional.empty();
        } catch (ParseException e) {
            return Optional.of("request body is not a JSON object");
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
