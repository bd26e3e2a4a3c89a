package io.github.vciconnector.flow;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestConnectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: issuer_info with the registration certificate by value and credential_reuse_policy per configuration, in
 * the plain and in the signed metadata, set by environment variables as an operator sets them; the signed metadata as
 * the EUDI wallet library reads it (Accept application/jwt, typ, x5c without the anchor, sub, iss, iat, exp).
 */
class IssuerInformationTest {

    private static final String REGISTRATION_CERTIFICATE = "eyJ0eXAiOiJyYy13cnArand0IiwiYWxnIjoiRVMyNTYifQ.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metadataWhenIssuerInfoAndReusePolicySetThenBothInPlainAndSignedMetadata(@TempDir Path dir) throws Exception {
        Path certificate = Files.writeString(dir.resolve("wrprc.jwt"), REGISTRATION_CERTIFICATE + "\n");
        int port = ConnectorIntegrationTest.freePort();
        var environment = new HashMap<String, Object>();
        environment.put("SERVER_PORT", port);
        environment.put("CONNECTOR_PUBLIC_BASE_URL", "http://localhost:" + port);
        environment.put("CONNECTOR_MANAGEMENT_PORT", 0);
        environment.put("CONNECTOR_ISSUER_INFO_REGISTRATION_CERTIFICATE_PATH", certificate.toString());
        environment.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_REUSE_POLICY_DETAILS", "once_only,per-relying-party");
        environment.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_REUSE_POLICY_BATCH_SIZE", 10);
        environment.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_REUSE_POLICY_REISSUE_TRIGGER_UNUSED", 2);
        environment.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_REUSE_POLICY_REISSUE_TRIGGER_LIFETIME_LEFT", "7d");
        try (ConfigurableApplicationContext ignored = TestConnectors.withEnvironment(environment, "dev")) {
            URI wellKnown = URI.create("http://localhost:" + port + "/.well-known/openid-credential-issuer");
            var reusePolicy = Map.of("id", "arf_annex_ii", "options", List.of(Map.of("details", List.of("once_only", "per-relying-party"),
                    "batch_size", 10L, "reissue_trigger_unused", 2L, "reissue_trigger_lifetime_left", 604800L)));
            var issuerInfo = List.of(Map.of("format", "registration_cert", "data", REGISTRATION_CERTIFICATE));

            Map<String, Object> plain = JSONObjectUtils.parse(get(wellKnown, "application/json").body());
            assertThat(plain.get("issuer_info")).isEqualTo(issuerInfo);
            assertThat(reusePolicyOf(plain)).isEqualTo(reusePolicy);

            HttpResponse<String> signed = get(wellKnown, "application/jwt");
            assertThat(signed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/jwt"));
            SignedJWT jwt = SignedJWT.parse(signed.body());
            assertThat(jwt.getHeader().getType().getType()).isEqualTo("openidvci-issuer-metadata+jwt");
            List<X509Certificate> x5c = jwt.getHeader().getX509CertChain().stream().map(c -> X509CertUtils.parse(c.decode())).toList();
            assertThat(x5c).isNotEmpty().noneMatch(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()));
            assertThat(jwt.verify(Es256.verifier((ECPublicKey) x5c.get(0).getPublicKey()))).isTrue();
            var claims = jwt.getJWTClaimsSet();
            assertThat(claims.getSubject()).isEqualTo("http://localhost:" + port);
            assertThat(claims.getIssuer()).isEqualTo(claims.getSubject());
            assertThat(claims.getIssueTime()).isBeforeOrEqualTo(java.util.Date.from(Instant.now()));
            assertThat(claims.getExpirationTime()).isAfter(java.util.Date.from(Instant.now()));
            assertThat(claims.getClaim("issuer_info")).isEqualTo(issuerInfo);
            assertThat(reusePolicyOf(claims.toJSONObject())).isEqualTo(reusePolicy);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object reusePolicyOf(Map<String, Object> metadata) {
        var configurations = (Map<String, Object>) metadata.get("credential_configurations_supported");
        var configuration = (Map<String, Object>) configurations.get("IdentityCredential");
        return ((Map<String, Object>) configuration.get("credential_metadata")).get("credential_reuse_policy");
    }

    private HttpResponse<String> get(URI uri, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
