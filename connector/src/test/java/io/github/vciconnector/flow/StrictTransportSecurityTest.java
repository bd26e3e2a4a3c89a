package io.github.vciconnector.flow;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6797: the connector serving TLS itself sends HSTS on every public https answer, never on the management port. */
class StrictTransportSecurityTest extends HaipIntegrationTest {

    @Test
    void publicAnswerWhenServedOverTlsThenStrictTransportSecurity() throws Exception {
        assertThat(get(URI.create(ISSUER + "/.well-known/openid-credential-issuer")).headers()
                .firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void publicErrorWhenServedOverTlsThenStrictTransportSecurityToo() throws Exception {
        HttpResponse<String> notFound = get(URI.create(ISSUER + "/offers"));  // a management route: port isolation 404

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    /**
     * Tomcat refuses these paths before any filter runs and then error-dispatches them: the arrival port is decided
     * on that dispatch too, so the answer is the port's 404 with HSTS, not a 500.
     */
    @Test
    void containerRefusedPathWhenServedOverTlsThenNotFoundWithStrictTransportSecurity() throws Exception {
        for (String path : new String[]{"/WEB-INF/web.xml", "/META-INF/MANIFEST.MF"}) {
            HttpResponse<String> notFound = get(URI.create(ISSUER + path));

            assertThat(notFound.statusCode()).as(path).isEqualTo(404);
            assertThat(notFound.body()).as(path).isEqualTo("{\"error\":\"not_found\",\"error_description\":\"not found\"}");
            assertThat(notFound.headers().firstValue("Strict-Transport-Security")).as(path).hasValue("max-age=31536000");
        }
    }

    @Test
    void managementAnswerThenNoStrictTransportSecurity() throws Exception {
        HttpResponse<String> health = get(managementUri("/actuator/health"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTPS.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
