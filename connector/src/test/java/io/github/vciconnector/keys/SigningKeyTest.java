package io.github.vciconnector.keys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing key record must never print its private part (audit, informational). */
class SigningKeyTest {

    @Test
    void toStringWhenCalledThenKidThumbprintAndSubjectButNoPrivateKey() throws Exception {
        SigningKey key = DevelopmentKeysTest.KEYS.credential();

        String text = key.toString();

        assertThat(text).contains("kid=" + key.jwk().getKeyID())
                .contains("thumbprint=" + key.jwk().computeThumbprint())
                .contains("subject=" + key.chain().get(0).getSubjectX500Principal().getName())
                .doesNotContain(key.jwk().getD().toString()).doesNotContain("\"d\"").doesNotContain("BEGIN");
    }
}
