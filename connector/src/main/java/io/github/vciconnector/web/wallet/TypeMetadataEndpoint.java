package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.metadata.CredentialConfigurations;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/** Serves each configuration's SD-JWT VC Type Metadata byte for byte (TM-1, TM-6, TM-8). */
@RestController
class TypeMetadataEndpoint {

    private final CredentialConfigurations configurations;

    TypeMetadataEndpoint(CredentialConfigurations configurations) {
        this.configurations = configurations;
    }

    @GetMapping(WalletProtocol.TYPES_PATH + "{id}")
    ResponseEntity<byte[]> typeMetadata(@PathVariable String id) {
        return configurations.find(id)
                .map(c -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                        .body(c.typeMetadata().document()))
                .orElseThrow(MetadataEndpoint::notFound);
    }
}
