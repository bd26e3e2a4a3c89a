package io.github.vciconnector.sdjwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import io.github.vciconnector.keys.SigningKey;
import com.nimbusds.jose.util.X509CertUtils;
import io.github.vciconnector.jose.Es256;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SdJwtVcIssuerTest {

    private final SdJwtVcIssuer issuer = new SdJwtVcIssuer(TestSigningKeys.issuer(), new SecureRandom());
    private final ECKey holder = TestSigningKeys.holder();

    private TestSdJwts.ParsedSdJwt issue(SdJwtVcRequest request) {
        return TestSdJwts.parse(issuer.issue(request));
    }

    @Test
    void issueWhenCalledThenCompactSerializationEndsWithTildeAndHasNoKeyBindingJwt() {
        // SDJWT-1
        String sdJwt = issuer.issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));

        assertThat(sdJwt).endsWith("~");
        String[] parts = sdJwt.split("~", -1);
        assertThat(parts[parts.length - 1]).isEmpty();
        assertThat(parts[0].split("\\.")).hasSize(3);
        assertThat(List.of(parts).subList(1, parts.length - 1)).noneMatch(p -> p.contains("."));
    }

    @Test
    void issueWhenCalledThenSignatureVerifiesWithX5cLeafCertificate() throws Exception {
        // SDJWT-2, SDVC-2: the verifier takes the key from the leaf in the protected header
        JWSObject jws = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable())).jws();

        X509Certificate leaf = X509CertUtils.parse(jws.getHeader().getX509CertChain().get(0).decode());
        assertThat(jws.verify(Es256.verifier((ECPublicKey) leaf.getPublicKey()))).isTrue();
        assertThat(leaf).isEqualTo(TestSigningKeys.issuer().chain().get(0));
    }

    @Test
    void issueWhenCalledThenHeaderHasDcSdJwtTypEs256AndLeafOnlyX5c() {
        // SDVC-1, SDVC-2
        var header = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable())).jws().getHeader();

        assertThat(header.getType().getType()).isEqualTo("dc+sd-jwt");
        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(header.getX509CertChain()).isEqualTo(TestSigningKeys.issuer().jwk().getX509CertChain());
        assertThat(header.getKeyID()).isEqualTo("issuer-key-1");
    }

    @Test
    void issueWhenAllDisclosableThenEachDisclosureDigestAppearsExactlyOnceInSd() {
        // SDJWT-4, SDJWT-6, SDJWT-9
        var sdJwt = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));

        assertThat(sdJwt.disclosures()).extracting(TestSdJwts.DecodedDisclosure::name).containsExactlyInAnyOrder(
                "given_name", "family_name", "birthdate", "nationalities", "age_over_18", "address",
                "street_address", "locality", "country");
        List<String> allDigests = sdJwt.allSdDigests();
        assertThat(new HashSet<>(allDigests)).hasSameSizeAs(allDigests);
        for (var disclosure : sdJwt.disclosures()) assertThat(allDigests).containsOnlyOnce(disclosure.digest());
        @SuppressWarnings("unchecked") var topLevelSd = (List<String>) sdJwt.payload().get("_sd");
        assertThat(topLevelSd).contains(sdJwt.disclosure("given_name").digest(), sdJwt.disclosure("address").digest());
        assertThat(sdJwt.payload()).doesNotContainKeys("given_name", "address").containsEntry("_sd_alg", "sha-256");
    }

    @Test
    void issueWhenCalledThenSaltsAreDistinctAndAtLeast128Bits() {
        // SDJWT-8: 16 random bytes are 22 base64url characters
        var disclosures = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable())).disclosures();

        var salts = disclosures.stream().map(TestSdJwts.DecodedDisclosure::salt).toList();
        assertThat(salts).doesNotHaveDuplicates().allSatisfy(salt -> assertThat(salt).matches("[A-Za-z0-9_-]{22,}"));
    }

    @Test
    void issueWhenPolicyNeverThenClaimIsPlaintextAndNotDisclosed() {
        // TM-5: sd never means plaintext
        DisclosurePolicy policy = path -> path.equals(List.of("birthdate"))
                ? SelectiveDisclosure.NEVER : SelectiveDisclosure.ALWAYS;
        var sdJwt = issue(pid(holder.toPublicJWK(), policy));

        assertThat(sdJwt.payload()).containsEntry("birthdate", "1984-01-26");
        assertThat(sdJwt.disclosures()).extracting(TestSdJwts.DecodedDisclosure::name).doesNotContain("birthdate")
                .contains("given_name");
    }

    @Test
    void issueWhenNestedObjectDisclosableThenMembersAreDisclosedInsideItsSd() {
        var sdJwt = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));

        @SuppressWarnings("unchecked") var address = (Map<String, Object>) sdJwt.disclosure("address").value();
        assertThat(address).containsOnlyKeys("_sd");
        assertThat(address.get("_sd")).asList().contains(sdJwt.disclosure("street_address").digest(),
                sdJwt.disclosure("locality").digest(), sdJwt.disclosure("country").digest());
        assertThat(sdJwt.disclosure("locality").value()).isEqualTo("Utopia");
    }

    @Test
    void issueWhenNestedObjectNeverButMembersAllowedThenPlaintextObjectWithOwnSd() {
        // TM-5 per path: the container is plaintext, its members are still Disclosures
        DisclosurePolicy policy = path -> path.equals(List.of("address"))
                ? SelectiveDisclosure.NEVER : SelectiveDisclosure.ALLOWED;
        var sdJwt = issue(pid(holder.toPublicJWK(), policy));

        @SuppressWarnings("unchecked") var address = (Map<String, Object>) sdJwt.payload().get("address");
        assertThat(address.get("_sd")).asList().contains(sdJwt.disclosure("country").digest());
        assertThat(address).doesNotContainKey("_sd_alg");
        assertThat(sdJwt.disclosures()).extracting(TestSdJwts.DecodedDisclosure::name).doesNotContain("address");
    }

    @Test
    void issueWhenNestedMemberNeverThenItStaysPlaintextInsideDisclosedObject() {
        DisclosurePolicy policy = path -> path.equals(List.of("address", "country"))
                ? SelectiveDisclosure.NEVER : SelectiveDisclosure.ALWAYS;
        var sdJwt = issue(pid(holder.toPublicJWK(), policy));

        @SuppressWarnings("unchecked") var address = (Map<String, Object>) sdJwt.disclosure("address").value();
        assertThat(address).containsEntry("country", "DE");
        assertThat(sdJwt.disclosures()).extracting(TestSdJwts.DecodedDisclosure::name).doesNotContain("country");
    }

    @Test
    void issueWhenArrayClaimThenDisclosedAsWholeValue() {
        var sdJwt = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));

        assertThat(sdJwt.disclosure("nationalities").value()).isEqualTo(List.of("DE"));
    }

    @Test
    void issueWhenHolderKeyGivenThenCnfJwkIsExactlyItsPublicKey() throws Exception {
        // SDVC-5: cnf.jwk is the proof key, public members only
        var sdJwt = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));

        @SuppressWarnings("unchecked") var jwk = (Map<String, Object>) ((Map<String, Object>) sdJwt.payload().get("cnf")).get("jwk");
        assertThat(jwk).isEqualTo(holder.toPublicJWK().getRequiredParams());  // L-5: without the holder's kid
        assertThat(jwk).doesNotContainKey("d").containsEntry("kty", "EC").containsEntry("crv", "P-256");
    }

    @Test
    void issueWhenHolderKeyHasMoreMembersThenCnfJwkHasOnlyThePublicKeyMembers() throws Exception {
        // L-5: the wallet's kid, use, key_ops, alg and x5u are not the issuer's to sign
        ECKey decorated = new ECKey.Builder(holder.toPublicJWK()).keyID("wallet-kid").keyUse(KeyUse.SIGNATURE)
                .keyOperations(Set.of(KeyOperation.VERIFY)).algorithm(JWSAlgorithm.ES256)
                .x509CertURL(URI.create("https://attacker.example/x5u")).build();
        var sdJwt = issue(pid(decorated, DisclosurePolicy.allDisclosable()));

        @SuppressWarnings("unchecked") var jwk = (Map<String, Object>) ((Map<String, Object>) sdJwt.payload().get("cnf")).get("jwk");
        assertThat(jwk).containsOnlyKeys("kty", "crv", "x", "y").containsEntry("kty", "EC").containsEntry("crv", "P-256")
                .containsEntry("x", holder.getX().toString()).containsEntry("y", holder.getY().toString());
    }

    @Test
    void constructWhenSigningKeyNotP256ThenIllegalArgument() {
        // SDVC-2: ES256 is the HAIP baseline and needs P-256
        SigningKey wrongCurve = TestSigningKeys.issuerOn(Curve.P_384);

        assertThatIllegalArgumentException().isThrownBy(() -> new SdJwtVcIssuer(wrongCurve, new SecureRandom()));
    }
}
