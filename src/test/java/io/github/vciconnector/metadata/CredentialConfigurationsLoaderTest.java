package io.github.vciconnector.metadata;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Startup loading of credential configurations: every refusal names the variable at fault (DESIGN §3). */
class CredentialConfigurationsLoaderTest {

    static final String DOCUMENT = """
            {"vct": "urn:example:identity-credential:1",
             "display": [{"locale": "en-US", "name": "Identity Credential"}],
             "claims": [{"path": ["given_name"], "mandatory": true, "display": [{"locale": "en-US", "label": "Given name"}]},
                        {"path": ["nationalities", null], "sd": "allowed"}]}""";

    @TempDir
    Path dir;

    @Test
    void loadWhenLocalFileThenCanonicalIdScopeAndTypeMetadata() throws Exception {
        var configurations = CredentialConfigurationsLoader.load(properties("identitycredential", "IdentityCredential", "local", write(DOCUMENT), null));

        CredentialConfiguration configuration = configurations.find("IDENTITYCREDENTIAL").orElseThrow();
        assertThat(configuration.id()).isEqualTo("IdentityCredential");
        assertThat(configuration.scope()).isEqualTo("identity_credential");
        assertThat(configuration.vct()).isEqualTo("urn:example:identity-credential:1");
        assertThat(configuration.typeMetadata().document()).isEqualTo(DOCUMENT.getBytes(StandardCharsets.UTF_8)); // TM-6: byte-stable
    }

    @Test
    void loadWhenFileMissingThenNamesTheVariable() {
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(properties("pid", null, "local", dir.resolve("nope.json"), null)))
                .hasMessageContaining("CONNECTOR_CREDENTIAL_CONFIGURATIONS_PID_VCT_FILEPATH");
    }

    @Test
    void loadWhenDocumentHasNoVctThenRefused() throws Exception {
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(properties("pid", null, "local", write("{\"name\":\"x\"}"), null)))
                .hasMessageContaining("CONNECTOR_CREDENTIAL_CONFIGURATIONS_PID").hasMessageContaining("vct");
    }

    @Test
    void loadWhenClaimPathListedTwiceThenRefused() throws Exception {
        String twice = "{\"vct\":\"urn:x\",\"claims\":[{\"path\":[\"a\"]},{\"path\":[\"a\"]}]}";
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(properties("pid", null, "local", write(twice), null)))
                .hasMessageContaining("twice");
    }

    @Test
    void loadWhenSdAlwaysBelowAnArrayThenRefusedAsNotIssuable() throws Exception {
        String always = "{\"vct\":\"urn:x\",\"claims\":[{\"path\":[\"nationalities\",null],\"sd\":\"always\"}]}";
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(properties("pid", null, "local", write(always), null)))
                .hasMessageContaining("CONNECTOR_CREDENTIAL_CONFIGURATIONS_PID").hasMessageContaining("sd always");
    }

    @Test
    void loadWhenSourceUnknownThenNamesTheVariable() throws Exception {
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(properties("pid", null, "ftp", write(DOCUMENT), null)))
                .hasMessageContaining("CONNECTOR_CREDENTIAL_CONFIGURATIONS_PID_VCT_SOURCE");
    }

    @Test
    void loadWhenIdSpellsAnotherKeyThenRefused() throws Exception {
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(properties("pid", "Other", "local", write(DOCUMENT), null)))
                .hasMessageContaining("CONNECTOR_CREDENTIAL_CONFIGURATIONS_PID_ID");
    }

    @Test
    void loadWhenNothingConfiguredThenSaysWhatToSet() {
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(new CredentialConfigurationsProperties(Map.of())))
                .hasMessageContaining("CONNECTOR_CREDENTIAL_CONFIGURATIONS_<ID>_VCT_SOURCE");
    }

    @Test
    void loadWhenRemoteThenFetchedOnceFromTheUrl() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/vct", exchange -> {
            byte[] body = DOCUMENT.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/vct");
            var configurations = CredentialConfigurationsLoader.load(properties("pid", null, "remote", null, url));
            assertThat(configurations.find("pid").orElseThrow().vct()).isEqualTo("urn:example:identity-credential:1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void loadWhenRemoteAnswersErrorThenNamesTheUrlVariable() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/vct", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/vct");
            assertThatThrownBy(() -> CredentialConfigurationsLoader.load(properties("pid", null, "remote", null, url)))
                    .hasMessageContaining("CONNECTOR_CREDENTIAL_CONFIGURATIONS_PID_VCT_URL").hasMessageContaining("404");
        } finally {
            server.stop(0);
        }
    }

    private Path write(String json) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "type", ".json"), json);
    }

    private static CredentialConfigurationsProperties properties(String key, String id, String source, Path file, URI url) {
        return new CredentialConfigurationsProperties(Map.of(key, new CredentialConfigurationsProperties.Entry(id,
                new CredentialConfigurationsProperties.Vct(source, file, url), "identity_credential", Duration.ofDays(30))));
    }
}
