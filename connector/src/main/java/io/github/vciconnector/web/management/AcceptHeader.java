package io.github.vciconnector.web.management;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.util.List;

/** Reads an {@code Accept} header (RFC 9110 §12.5.1) just enough to choose between two representations. */
final class AcceptHeader {

    private AcceptHeader() {
    }

    /** True when {@code accept} names {@code candidate} itself with a quality at least that of {@code fallback}. */
    static boolean prefers(String accept, MediaType candidate, MediaType fallback) {
        if (accept == null || accept.isBlank()) return false;
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double candidateQuality = 0;
        double fallbackQuality = 0;
        for (MediaType type : types) {
            if (type.equalsTypeAndSubtype(candidate)) candidateQuality = Math.max(candidateQuality, type.getQualityValue());
            if (type.includes(fallback)) fallbackQuality = Math.max(fallbackQuality, type.getQualityValue());
        }
        return candidateQuality > 0 && candidateQuality >= fallbackQuality;
    }
}
