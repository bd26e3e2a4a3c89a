package io.github.vciconnector.web.wallet;

import io.github.vciconnector.metadata.MetadataDocuments;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Serves Credential Issuer Metadata (OID4VCI 1.0 §12.2.2) and Authorization Server Metadata (RFC 8414) at their
 * path-aware well-known locations, from bytes prepared once at startup.
 */
@RestController
class MetadataEndpoint {

    private static final int MAX_ACCEPT_TYPES = 50;
    private static final MediaType JWT = MediaType.parseMediaType("application/jwt");

    private final MetadataDocuments documents;

    MetadataEndpoint(MetadataDocuments documents) {
        this.documents = documents;
    }

    @GetMapping({"/.well-known/openid-credential-issuer", "/.well-known/openid-credential-issuer/**"})
    ResponseEntity<byte[]> issuerMetadata(HttpServletRequest request, @RequestHeader(value = "Accept", required = false) String accept) {
        if (!request.getRequestURI().equals(documents.issuerMetadataPath())) throw notFound();
        // VCI-MD-3: JSON unless the wallet prefers the signed form (VCI-SMD-1).
        if (prefersJwt(accept)) return ok(JWT).body(documents.signedIssuerMetadata());
        return ok(MediaType.APPLICATION_JSON).body(documents.issuerMetadata());
    }

    @GetMapping({"/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server/**"})
    ResponseEntity<byte[]> authorizationServerMetadata(HttpServletRequest request) {
        if (!request.getRequestURI().equals(documents.authorizationServerMetadataPath())) throw notFound();
        return ok(MediaType.APPLICATION_JSON).body(documents.authorizationServerMetadata());
    }

    /** Handled by WalletErrorHandler, so this 404 has the OAuth error body like every other one of this port. */
    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static ResponseEntity.BodyBuilder ok(MediaType type) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic());
    }

    /** True when the wallet ranks application/jwt above application/json (q-values honoured); a bad header means JSON. */
    private static boolean prefersJwt(String accept) {
        if (accept == null) return false;
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        // MimeTypeUtils refuses to sort more than 50 types (a guard against quadratic sorting): refuse them here
        // with a 400 instead of letting that refusal surface as a server error.
        if (types.size() > MAX_ACCEPT_TYPES) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "too many media types in Accept");
        try {
            MimeTypeUtils.sortBySpecificity(types);
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.getQualityValue() == 0) continue;
                if (type.equalsTypeAndSubtype(JWT)) return true;
                if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON) || type.isWildcardType()) return false;
            }
            return false;
        } catch (InvalidMimeTypeException e) {
            return false;
        }
    }
}
