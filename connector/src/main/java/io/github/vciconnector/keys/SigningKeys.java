package io.github.vciconnector.keys;

import java.util.Objects;

/**
 * The issuer's two keys: {@code credential} signs SD-JWT VCs (x5c in the credential header, SDVC-2) and
 * {@code access} signs the issuer metadata. They must be different keys, so that one can be rotated or revoked
 * without the other.
 */
public record SigningKeys(SigningKey credential, SigningKey access) {
    public SigningKeys {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(access, "access");
        var a = credential.jwk();
        var b = access.jwk();
        if (a.getCurve().equals(b.getCurve()) && a.getX().equals(b.getX()) && a.getY().equals(b.getY()))
            throw new InvalidKeyConfigurationException("the same key is configured in "
                    + CertificatesProperties.describe(CertificatesProperties.SIGNING + ".key-path") + " and "
                    + CertificatesProperties.describe(CertificatesProperties.ACCESS + ".key-path")
                    + "; the access key must be a different key");
    }
}
