package io.github.vciconnector.web.management;

import io.github.vciconnector.web.port.ErrorPage;
import io.github.vciconnector.web.port.ManagementPortProperties;
import io.github.vciconnector.web.port.Port;
import io.github.vciconnector.web.port.RouteClaim;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Management API plumbing: the filters that run right after port isolation (browser origin and Host, API key, then
 * body size; problem+json for error dispatches), the API key status in health and info, and the strict JSON reading
 * of management request bodies. The wallet side keeps the lenient default mapper.
 */
@Configuration(proxyBeanMethods = false)
class ManagementWebConfiguration implements WebMvcConfigurer {

    private final JsonMapper strictMapper;

    ManagementWebConfiguration(JsonMapper jsonMapper) {
        this.strictMapper = strict(jsonMapper);
    }

    @Bean
    FilterRegistrationBean<RequestOriginFilter> managementRequestOriginFilter(ManagementApiProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestOriginFilter(properties, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ManagementApiKeyFilter> managementApiKeyFilter(ManagementPortProperties port, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new ManagementApiKeyFilter(
                port.apiKeyRequired() ? port.apiKey() : "", json));
        registration.setEnabled(port.apiKeyRequired()); // unset: logged as a warning by ManagementAuthenticationStatus
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    ManagementAuthenticationStatus managementApiHealthIndicator(ManagementPortProperties port, ManagementApiProperties api) {
        return new ManagementAuthenticationStatus(port, api).logged();
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> managementBodySizeLimitFilter(ManagementApiProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(
                properties.maxBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    ErrorPage managementErrorPage(JsonMapper json) {
        return new ManagementProblems(json);
    }

    /**
     * Besides the controllers of this package ({@code package-info.java}), the management port serves the actuator
     * endpoints and the OpenAPI document of this API (springdoc), which cannot carry a {@code @ServedOn} (L-1).
     */
    @Bean
    RouteClaim frameworkManagementRoutes() {
        return new RouteClaim() {
            @Override
            public Port port() {
                return Port.MANAGEMENT;
            }

            @Override
            public boolean claims(HandlerMapping mapping, HandlerMethod handler) {
                return mapping instanceof AbstractWebMvcEndpointHandlerMapping || handler.getBeanType().getName().startsWith("org.springdoc.");
            }
        };
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConverters(converter -> {
            if (converter instanceof JacksonJsonHttpMessageConverter) {
                ((JacksonJsonHttpMessageConverter) converter).registerMappersForType(CreateOfferRequest.class,
                        mappers -> mappers.put(MediaType.APPLICATION_JSON, strictMapper));
            }
        });
    }

    /** No unknown fields, no duplicate keys, no trailing data, no coercion between JSON types ("6" is not 6). */
    static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
