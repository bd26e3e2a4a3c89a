package io.github.vciconnector.metadata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ETSI TS 119 472-3 §4.2.3: the registration certificate, read once from its file, published by value. */
class IssuerInfoTest {

    @Test
    void loadWhenFileHoldsACompactJwtThenOneRegistrationCertEntry(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("wrprc.jwt"), "\n  aGVhZGVy.cGF5bG9hZA.c2ln \n");

        IssuerInfo info = IssuerInfo.load(new IssuerInfoProperties(file));

        assertThat(info.toJSONArray()).isEqualTo(List.of(Map.of("format", "registration_cert", "data", "aGVhZGVy.cGF5bG9hZA.c2ln")));
    }

    @Test
    void loadWhenNotConfiguredThenNone() {
        assertThat(IssuerInfo.load(new IssuerInfoProperties(Path.of(" ")))).isNull();
    }

    @Test
    void loadWhenFileHoldsMoreThanOneValueThenStartupRefusedNamingTheVariable(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("wrprc.txt"), "-----BEGIN JWT-----\nabc\n");

        assertThatThrownBy(() -> IssuerInfo.load(new IssuerInfoProperties(file))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CONNECTOR_ISSUER_INFO_REGISTRATION_CERTIFICATE_PATH");
    }

    @Test
    void loadWhenFileMissingThenStartupRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> IssuerInfo.load(new IssuerInfoProperties(dir.resolve("none.jwt"))))
                .hasMessageStartingWith("CONNECTOR_ISSUER_INFO_REGISTRATION_CERTIFICATE_PATH").hasMessageContaining("does not exist");
    }
}
