package io.github.vciconnector.web.wallet;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the bounded {@code application/json} object body of a wallet request with Nimbus {@code JSONObjectUtils},
 * the parser that reads every JWT the wallet sends. An unusable body is refused with the calling endpoint's own
 * protocol error, so each endpoint answers in its spec's vocabulary.
 */
final class JsonBody {

    static final int MAX_BODY_BYTES = 256 * 1024;

    private JsonBody() {
    }

    /** The JSON object of the body; otherwise throws what {@code refusal} makes of the reason. */
    static Map<String, Object> read(HttpServletRequest request, Function<String, ? extends RuntimeException> refusal)
            throws IOException {
        String type = request.getContentType();
        if (type == null || !isJson(type)) throw refusal.apply("content type must be application/json");
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) throw refusal.apply("request body is too large");
        Map<String, Object> body;
        try {
            body = JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw refusal.apply("request body is not a JSON object");
        }
        // Nimbus returns null for the JSON literal null instead of refusing it as "not an object"
        if (body == null) throw refusal.apply("request body is not a JSON object");
        return body;
    }

    private static boolean isJson(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
