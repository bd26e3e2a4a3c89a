package io.github.vciconnector.metadata;

import com.sun.net.httpserver.HttpServer;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

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
@ExtendWith(OutputCaptureExtension.class)
class CredentialConfigurationsLoaderTest {

    static final String DOCUMENT = """
            {"vct": "urn:example:identity-credential:1",
             "display": [{"locale": "en-US", "name": "Identity Credential"}],
             "claims": [{"path": ["given_name"], "mandatory": true, "display": [{"locale": "en-US", "label": "Given name"}]},
                        {"path": ["nationalities", null], "sd": "allowed"}]}""";

    /** The product guide's Type Metadata, verbatim: display entries in the pre -12 spelling {@code lang}. */
    static final String GUIDE_DOCUMENT = """
            {"vct": "https://issuer.example.com/oidc4vci/types/IdentityCredential",
             "display": [{ "lang": "en-US", "name": "Identity Credential" }],
             "claims": [{ "path": ["given_name"], "sd": "allowed", "display": [{ "lang": "en-US", "label": "Given name" }] },
                        { "path": ["family_name"], "sd": "allowed", "display": [{ "lang": "en-US", "label": "Family name" }] }]}""";

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

    @Test
    void loadWhenDisplayUsesLegacyLangThenReadAsLocaleAndWarningNamesTheFile(CapturedOutput output) throws Exception {
        Path file = write(GUIDE_DOCUMENT);

        var typeMetadata = CredentialConfigurationsLoader.load(properties("identitycredential", null, "local", file, null))
                .find("IdentityCredential").orElseThrow().typeMetadata();

        assertThat(typeMetadata.display()).singleElement().satisfies(d -> assertThat(d).containsEntry("locale", "en-US").doesNotContainKey("lang"));
        assertThat(typeMetadata.claims()).allSatisfy(c -> assertThat(c.display()).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("locale", "en-US").doesNotContainKey("lang")));
        assertThat(typeMetadata.legacyLangEntries()).isEqualTo(3);
        assertThat(output).contains("WARN").contains(file.toString())
                .contains("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_VCT_FILEPATH").contains("legacy display member \"lang\"");
    }

    @Test
    void loadWhenDisplayUsesLegacyLangThenServedDocumentRewrittenWithLocaleAndOtherwiseEqual() throws Exception {
        var typeMetadata = CredentialConfigurationsLoader.load(properties("identitycredential", null, "local", write(GUIDE_DOCUMENT), null))
                .find("IdentityCredential").orElseThrow().typeMetadata();

        // The served bytes are the ones any integrity hash (TM-6) must cover: fixed once, and parse back to the same document.
        String served = new String(typeMetadata.document(), StandardCharsets.UTF_8);
        assertThat(served).doesNotContain("\"lang\"").contains("\"locale\":\"en-US\"");
        assertThat(JSONObjectUtils.parse(served)).isEqualTo(JSONObjectUtils.parse(GUIDE_DOCUMENT.replace("\"lang\"", "\"locale\"")));
        assertThat(TypeMetadata.parse(typeMetadata.document()).document()).isEqualTo(typeMetadata.document());
    }

    @Test
    void loadWhenDisplayUsesLocaleThenNoWarningAndNothingRewritten(CapturedOutput output) throws Exception {
        var typeMetadata = CredentialConfigurationsLoader.load(properties("pid", null, "local", write(DOCUMENT), null))
                .find("pid").orElseThrow().typeMetadata();

        assertThat(typeMetadata.legacyLangEntries()).isZero();
        assertThat(output).doesNotContain("legacy display member");
    }

    @Test
    void loadWhenEntryHasLangAndLocaleThatDifferThenRefused() throws Exception {
        String both = "{\"vct\":\"urn:x\",\"display\":[{\"lang\":\"de-DE\",\"locale\":\"en-US\",\"name\":\"x\"}]}";
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(properties("pid", null, "local", write(both), null)))
                .hasMessageContaining("CONNECTOR_CREDENTIAL_CONFIGURATIONS_PID").hasMessageContaining("both lang and locale");
    }

    @Test
    void loadWhenClaimDisplayHasNeitherLangNorLocaleThenRefused() throws Exception {
        String none = "{\"vct\":\"urn:x\",\"claims\":[{\"path\":[\"a\"],\"display\":[{\"label\":\"A\"}]}]}";
        assertThatThrownBy(() -> CredentialConfigurationsLoader.load(properties("pid", null, "local", write(none), null)))
                .hasMessageContaining("needs locale (or the legacy lang) and label");
    }

    @Test
    void loadWhenNoIdAndVctEndsInTheKeyCaseAsideThenVctSpellingIsTheId() throws Exception {
        var configurations = CredentialConfigurationsLoader.load(properties("identitycredential", null, "local", write(GUIDE_DOCUMENT), null));

        assertThat(configurations.all()).extracting(CredentialConfiguration::id).containsExactly("IdentityCredential");
        assertThat(configurations.find("identitycredential")).isPresent();
    }

    @Test
    void loadWhenIdSetThenItOverridesTheVctSpelling() throws Exception {
        var configurations = CredentialConfigurationsLoader.load(properties("identitycredential", "IDENTITYcredential", "local", write(GUIDE_DOCUMENT), null));

        assertThat(configurations.all()).extracting(CredentialConfiguration::id).containsExactly("IDENTITYcredential");
    }

    @Test
    void loadWhenVctLastSegmentIsAnotherNameThenTheKeyIsTheId() throws Exception {
        String other = GUIDE_DOCUMENT.replace("types/IdentityCredential", "types/IdentityCredentialV2");
        var configurations = CredentialConfigurationsLoader.load(properties("identitycredential", null, "local", write(other), null));

        assertThat(configurations.all()).extracting(CredentialConfiguration::id).containsExactly("identitycredential");
    }

    @Test
    void spellingFromVctWhenQueryOrUrnOrKeyWithCapitalsThenOnlyAPathSegmentRestoresCase() {
        assertThat(CredentialConfigurationsLoader.spellingFromVct("pid", "https://h.example/types/PID?v=1")).isEqualTo("PID");
        assertThat(CredentialConfigurationsLoader.spellingFromVct("pid", "urn:eu:PID")).isEqualTo("pid");
        assertThat(CredentialConfigurationsLoader.spellingFromVct("Pid", "https://h.example/types/PID")).isEqualTo("Pid");
    }
}
