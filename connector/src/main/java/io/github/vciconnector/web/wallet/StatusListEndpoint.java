package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.status.StatusListPublisher;
import io.github.vciconnector.status.StatusListProperties;
import io.github.vciconnector.status.StatusListToken;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The Status List Token of each list (TSL-5, DESIGN §9): public, no authentication, served from the rendering kept by
 * {@link StatusListPublisher} (never signed per request), cacheable for the token's {@code ttl}, with an entity tag.
 * {@code Accept: application/statuslist+json} gets the unsigned status list object instead.
 */
@RestController
class StatusListEndpoint {

    static final MediaType STATUSLIST_JWT = MediaType.parseMediaType("application/statuslist+jwt");
    static final MediaType STATUSLIST_JSON = MediaType.parseMediaType("application/statuslist+json");

    private final StatusListPublisher publisher;
    private final CacheControl cacheControl;

    StatusListEndpoint(StatusListPublisher publisher, StatusListProperties properties) {
        this.publisher = publisher;
        // TSL-8: verifiers cache by ttl; HTTP caches are told the same
        this.cacheControl = CacheControl.maxAge(properties.ttl()).cachePublic();
    }

    @GetMapping(WalletProtocol.STATUS_LISTS_PATH + "{listId}")
    ResponseEntity<byte[]> statusList(@PathVariable String listId,
                                      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        StatusListToken token = publisher.find(listId).orElseThrow(MetadataEndpoint::notFound);
        boolean json = prefersJson(accept);
        String etag = json ? "\"j" + token.etag().substring(1) : token.etag();
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().contentType(json ? STATUSLIST_JSON : STATUSLIST_JWT).eTag(etag).cacheControl(cacheControl)
                // TSL-5: SHOULD support CORS; the list is public
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .body(json ? token.json() : token.jwt());
    }

    /** The JSON form only when the client rates it above the JWT; the JWT for no, a malformed or an unrelated Accept. */
    private static boolean prefersJson(String accept) {
        if (accept == null || !accept.contains("statuslist+json")) return false;
        try {
            double jsonQuality = 0;
            double jwtQuality = 0;
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.equalsTypeAndSubtype(STATUSLIST_JSON)) jsonQuality = Math.max(jsonQuality, type.getQualityValue());
                else if (type.includes(STATUSLIST_JWT)) jwtQuality = Math.max(jwtQuality, type.getQualityValue());
            }
            return jsonQuality > jwtQuality;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch.trim().equals("*")) return true;
        for (String candidate : List.of(ifNoneMatch.split(","))) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals(etag)) return true;
        }
        return false;
    }
}
