package io.github.vciconnector.web.management;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The OpenAPI 3.1 description of the management API, served at {@code /v3/api-docs} and kept in {@code docs/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class ManagementOpenApiConfiguration {

    static final String SECURITY_SCHEME = "managementApiKey";

    @Bean
    OpenAPI managementOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Issuer connector management API").version("1")
                        .description("Create, follow and cancel OpenID4VCI credential offers, and decide the authorizations "
                                + "of the authorization code flow after logging the person in (DESIGN §10). Served on the management "
                                + "port only. Errors are RFC 9457 application/problem+json. Any operation answers 403 to a "
                                + "browser request from an origin not in CONNECTOR_MANAGEMENT_ALLOWED_ORIGINS, and 421 to a Host "
                                + "not in CONNECTOR_MANAGEMENT_ALLOWED_HOSTS when that is set."))
                .servers(List.of(new Server().url("http://localhost:8081").description("management port (CONNECTOR_MANAGEMENT_PORT)")))
                .components(new Components().addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Required only when CONNECTOR_MANAGEMENT_API_KEY is set")))
                // An empty requirement first: the key is optional, depending on configuration.
                .security(List.of(new SecurityRequirement(), new SecurityRequirement().addList(SECURITY_SCHEME)));
    }
}
