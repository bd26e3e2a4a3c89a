package io.github.vciconnector.jose;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.ParseException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Robustness finding 2 at its root: whatever Nimbus throws while parsing, the verifiers see a ParseException. */
class CompactJwsTest {

    @ParameterizedTest
    @ValueSource(strings = {"bnVsbA.e30.c2ln", "bnVsbA.bnVsbA.c2ln", "MTI.e30.c2ln", "W10.e30.c2ln", "eyJhbGciOm51bGx9.e30.c2ln",
            "eyJhbGciOjF9.e30.c2ln", "eyJhbGciOiJFUzI1NiIsImtpZCI6e319.e30.c2ln", "eyJhbGciOiJFUzI1NiIsImp3ayI6IngifQ.e30.c2ln",
            "eyJhbGciOiJFUzI1NiIsIng1YyI6e319.e30.c2ln", "eyJhbGciOiJFUzI1NiIsImNyaXQiOiJ4In0.e30.c2ln", "...", ""})
    void parseWhenSegmentsAreOddJsonThenParseException(String compact) {
        assertThatThrownBy(() -> CompactJws.parse(compact)).isInstanceOf(ParseException.class);
    }
}
