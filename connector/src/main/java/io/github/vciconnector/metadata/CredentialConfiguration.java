package io.github.vciconnector.metadata;

import java.time.Duration;

/**
 * A credential configuration as offered in metadata: its canonical id, OAuth scope, Type Metadata, validity and,
 * optionally, its credential reuse policy (null when none is published). All configurations are {@code dc+sd-jwt},
 * key-bound with {@code jwk}, signed with ES256.
 */
public record CredentialConfiguration(String id, String scope, TypeMetadata typeMetadata, Duration validity,
                                      CredentialReusePolicy reusePolicy) {

    public CredentialConfiguration(String id, String scope, TypeMetadata typeMetadata, Duration validity) {
        this(id, scope, typeMetadata, validity, null);
    }

    public CredentialConfiguration {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("credential configuration id must be 1-64 of A-Z a-z 0-9 _ . -");
        }
        if (scope == null || scope.isBlank()) throw new IllegalArgumentException("credential configuration " + id + " needs a scope");
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("credential configuration " + id + " needs a positive validity");
        }
    }

    public String vct() {
        return typeMetadata.vct();
    }
}
