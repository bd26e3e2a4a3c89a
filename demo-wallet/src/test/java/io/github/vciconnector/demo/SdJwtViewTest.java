package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdJwtViewTest {

    private static final ECKey HOLDER = WalletClient.generateKey();

    @Test
    void verifyWhenSignedAndAllDisclosuresMatchThenClaimsAreDisclosed() throws Exception {
        SdJwtView view = SdJwtView.verify(TestSdJwts.personCredential(HOLDER));

        assertThat(view.header()).containsEntry("typ", "dc+sd-jwt").containsEntry("alg", "ES256");
        assertThat(view.disclosedClaims()).containsEntry("given_name", "Erika")
                .containsEntry("family_name", "Mustermann").containsEntry("locality", "Berlin");
        assertThat(view.claims()).containsEntry("given_name", "Erika")
                .containsEntry("address", Map.of("country", "DE", "locality", "Berlin"))
                .containsEntry("nationalities", List.of("DE", "FR"))
                .doesNotContainKeys("_sd", "_sd_alg");
        assertThat(view.payload()).containsKey("_sd").doesNotContainKey("given_name");
        assertThat(view.disclosures()).hasSize(4);
        assertThat(view.cnfJwk().computeThumbprint()).isEqualTo(HOLDER.computeThumbprint());
        assertThat(view.certificateChain().get(0)).isEqualTo(TestSdJwts.ISSUER_CERTIFICATE);
    }

    @Test
    void verifyWhenNoDisclosuresThenPayloadIsTheClaims() {
        String sdJwt = TestSdJwts.sign(Map.of("vct", "urn:x", "iss", "https://i"), TestSdJwts.ISSUER_KEY,
                TestSdJwts.ISSUER_CERTIFICATE) + "~";

        assertThat(SdJwtView.verify(sdJwt).claims()).isEqualTo(Map.of("vct", "urn:x", "iss", "https://i"));
    }

    @Test
    void verifyWhenDisclosureTamperedThenRejected() {
        String sdJwt = TestSdJwts.personCredential(HOLDER);
        String[] parts = sdJwt.split("~", -1);
        // SDJWT-6: a changed value changes the digest, which then matches nothing in _sd
        parts[1] = Base64URL.encode("[\"salt\",\"given_name\",\"Mallory\"]").toString();

        assertThatThrownBy(() -> SdJwtView.verify(String.join("~", parts)))
                .isInstanceOf(WalletException.class).hasMessageContaining("matches no digest");
    }

    @Test
    void verifyWhenSignatureTamperedThenRejected() {
        String sdJwt = TestSdJwts.personCredential(HOLDER);
        String jwt = sdJwt.substring(0, sdJwt.indexOf('~'));
        String[] jws = jwt.split("\\.");
        String otherPayload = Base64URL.encode("{\"vct\":\"urn:eudi:pid:1\",\"admin\":true}").toString();
        String forged = jws[0] + "." + otherPayload + "." + jws[2] + sdJwt.substring(sdJwt.indexOf('~'));

        assertThatThrownBy(() -> SdJwtView.verify(forged))
                .isInstanceOf(WalletException.class).hasMessageContaining("signature is invalid");
    }

    @Test
    void verifyWhenSignedByKeyOtherThanX5cLeafThenRejected() {
        String sdJwt = TestSdJwts.sign(Map.of("vct", "urn:x"), WalletClient.generateKey(),
                TestSdJwts.ISSUER_CERTIFICATE) + "~";

        assertThatThrownBy(() -> SdJwtView.verify(sdJwt)).hasMessageContaining("signature is invalid");
    }

    @Test
    void verifyWhenTrailingTildeMissingThenRejected() {
        String sdJwt = TestSdJwts.personCredential(HOLDER);

        assertThatThrownBy(() -> SdJwtView.verify(sdJwt.substring(0, sdJwt.length() - 1)))
                .hasMessageContaining("must end with a tilde");
    }

    @Test
    void verifyWhenSameDisclosureSentTwiceThenRejected() {
        String sdJwt = TestSdJwts.personCredential(HOLDER);
        String first = sdJwt.split("~")[1];

        assertThatThrownBy(() -> SdJwtView.verify(sdJwt + first + "~")).hasMessageContaining("appears twice");
    }

    @Test
    void verifyWhenCnfIsSelectivelyDisclosableThenRejected() {
        String cnf = TestSdJwts.disclosure("cnf", Map.of("jwk", HOLDER.toPublicJWK().toJSONObject()));
        String sdJwt = TestSdJwts.sign(Map.of("vct", "urn:x", "_sd", List.of(TestSdJwts.digest(cnf))),
                TestSdJwts.ISSUER_KEY, TestSdJwts.ISSUER_CERTIFICATE) + "~" + cnf + "~";

        assertThatThrownBy(() -> SdJwtView.verify(sdJwt)).hasMessageContaining("cnf must not be selectively");
    }

    @Test
    void verifyWhenTypIsLegacyThenRejected() {
        String jwt = new SignedJwtBuilder(TestSdJwts.ISSUER_KEY).header("typ", "vc+sd-jwt")
                .header("x5c", List.of(com.nimbusds.jose.util.Base64.encode(encoded()).toString()))
                .claim("vct", "urn:x").build();

        assertThatThrownBy(() -> SdJwtView.verify(jwt + "~")).hasMessageContaining("typ is not dc+sd-jwt");
    }

    private static byte[] encoded() {
        try {
            return TestSdJwts.ISSUER_CERTIFICATE.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
