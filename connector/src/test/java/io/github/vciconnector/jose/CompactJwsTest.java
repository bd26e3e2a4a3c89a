package io.github.vciconnector.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.ParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Robustness finding 2 at its root: whatever Nimbus throws while parsing, the verifiers see a ParseException; and the
 * header and signature checks every verifier composes.
 */
class CompactJwsTest {

    static final ECKey KEY = generate();

    @ParameterizedTest
    @ValueSource(strings = {"bnVsbA.e30.c2ln", "bnVsbA.bnVsbA.c2ln", "MTI.e30.c2ln", "W10.e30.c2ln", "eyJhbGciOm51bGx9.e30.c2ln",
            "eyJhbGciOjF9.e30.c2ln", "eyJhbGciOiJFUzI1NiIsImtpZCI6e319.e30.c2ln", "eyJhbGciOiJFUzI1NiIsImp3ayI6IngifQ.e30.c2ln",
            "eyJhbGciOiJFUzI1NiIsIng1YyI6e319.e30.c2ln", "eyJhbGciOiJFUzI1NiIsImNyaXQiOiJ4In0.e30.c2ln", "...", ""})
    void parseWhenSegmentsAreOddJsonThenParseException(String compact) {
        assertThatThrownBy(() -> CompactJws.parse(compact)).isInstanceOf(ParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dpop+jwt", "DPoP+JWT", "application/dpop+jwt", "Application/DPoP+jwt"})
    void hasMediaTypeWhenCaseOrApplicationPrefixDiffersThenTrue(String typ) throws Exception {
        assertThat(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(typ)).build()).hasMediaType("dpop+jwt")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwt", "dpop", "application/jwt", "text/dpop+jwt", "dpop+jwt "})
    void hasMediaTypeWhenAnotherTypeThenFalse(String typ) throws Exception {
        assertThat(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(typ)).build()).hasMediaType("dpop+jwt")).isFalse();
        assertThat(signed(new JWSHeader(JWSAlgorithm.ES256)).hasMediaType("dpop+jwt")).isFalse();
    }

    @Test
    void hasTypeWhenApplicationPrefixOrAnotherTypeThenFalse() throws Exception {
        var type = new JOSEObjectType("key-attestation+jwt");

        assertThat(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).build()).hasType(type)).isTrue();
        // Nimbus compares types case-insensitively (RFC 7515 §4.1.9), as the verifiers always did
        assertThat(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("Key-Attestation+JWT")).build())
                .hasType(type)).isTrue();
        assertThat(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("application/key-attestation+jwt"))
                .build()).hasType(type)).isFalse();
        assertThat(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build()).hasType(type)).isFalse();
        assertThat(signed(new JWSHeader(JWSAlgorithm.ES256)).hasType(type)).isFalse();
    }

    @Test
    void isSignedByWhenAnotherOrUnusableKeyThenFalse() throws Exception {
        CompactJws jws = signed(new JWSHeader(JWSAlgorithm.ES256));

        assertThat(jws.isSignedBy(KEY.toPublicJWK())).isTrue();
        assertThat(jws.isSignedBy(KEY.toECPublicKey())).isTrue();
        assertThat(jws.isSignedBy(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK())).isFalse();
        // A P-384 key is no ES256 key: false, not an exception
        assertThat(jws.isSignedBy(new ECKeyGenerator(Curve.P_384).generate().toECPublicKey())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bnVsbA", "MTI"})
    void claimsWhenPayloadIsNotAClaimsObjectThenParseException(String payload) throws Exception {
        String compact = signed(new JWSHeader(JWSAlgorithm.ES256)).jwt().serialize();
        String[] parts = compact.split("\\.");
        CompactJws jws = CompactJws.parse(parts[0] + "." + payload + "." + parts[2]);

        assertThatThrownBy(jws::claims).isInstanceOf(ParseException.class);
    }


    private static CompactJws signed(JWSHeader header) throws Exception {
        var jws = new JWSObject(header, new Payload("{\"iat\":1}"));
        jws.sign(Es256.signer(KEY));
        return CompactJws.parse(jws.serialize());
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
