package io.github.vciconnector.keys;

import io.github.vciconnector.demo.SignedJwtBuilder;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Lists of Trusted Entities of wallet providers (ETSI TS 119 602, JSON binding) signed here as JAdES compact JWS
 * (baseline-B: x5c, sigT marked critical), as the EU scheme operator publishes them.
 */
public final class TestTrustedLists {

    private TestTrustedLists() {
    }

    /** A list naming {@code providers} as wallet-solution issuance services, signed by {@code signer}. */
    public static SignedJwtBuilder list(TestPki.Issued signer, Instant nextUpdate, X509Certificate... providers) {
        var entities = new java.util.ArrayList<Object>();
        for (X509Certificate provider : providers) {
            entities.add(Map.of(
                    "TrustedEntityInformation", Map.of("TEName", List.of(Map.of("lang", "en", "value", "Wallet Provider"))),
                    "TrustedEntityServices", List.of(Map.of("ServiceInformation", Map.of(
                            "ServiceTypeIdentifier", TrustedList.WALLET_ISSUANCE,
                            "ServiceName", List.of(Map.of("lang", "en", "value", "Wallet unit attestations")),
                            "ServiceDigitalIdentity", Map.of("X509Certificates", List.of(Map.of("val", der(provider)))))))));
        }
        var scheme = Map.of("LoTEVersionIdentifier", 1, "LoTESequenceNumber", 7,
                "LoTEType", "http://uri.etsi.org/19602/LoTEType/EUWalletProvidersList",
                "SchemeOperatorName", List.of(Map.of("lang", "en", "value", "Test Scheme Operator")),
                "ListIssueDateTime", Instant.now().minusSeconds(60).toString(), "NextUpdate", nextUpdate.toString());
        return new SignedJwtBuilder(TestChains.signingKey(signer))
                .header("typ", "jose")
                .header("x5c", TestChains.x5c(signer.certificate()))
                .header("sigT", Instant.now().toString())
                .header("crit", List.of("sigT"))
                .claim("LoTE", Map.of("ListAndSchemeInformation", scheme, "TrustedEntitiesList", entities));
    }

    private static String der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
