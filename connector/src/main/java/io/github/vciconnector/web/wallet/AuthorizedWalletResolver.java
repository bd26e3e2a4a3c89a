package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.oauth.AccessTokenVerifier;
import io.github.vciconnector.oauth.AuthorizedWallet;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Produces the {@link AuthorizedWallet} argument of a protected wallet endpoint through
 * {@link AccessTokenVerifier#authorize} (RFC 9449 §7), before the endpoint reads its body. The proof's {@code htu}
 * is the endpoint's URL under the issuer identifier (its {@code @PostMapping} path), never the request URL (STYLE §5).
 */
final class AuthorizedWalletResolver implements HandlerMethodArgumentResolver {

    private final AccessTokenVerifier tokens;
    private final ConnectorProperties connector;
    private final Map<Method, URI> endpoints = new ConcurrentHashMap<>();

    AuthorizedWalletResolver(AccessTokenVerifier tokens, ConnectorProperties connector) {
        this.tokens = tokens;
        this.connector = connector;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthorizedWallet.class;
    }

    @Override
    public AuthorizedWallet resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return tokens.authorize(request.getHeader(HttpHeaders.AUTHORIZATION),
                Collections.list(request.getHeaders("DPoP")), "POST", endpoint(parameter));
    }

    /** The resource's URL, worked out once per endpoint method (the htu every proof to it must name). */
    URI endpoint(MethodParameter parameter) {
        return endpoints.computeIfAbsent(parameter.getMethod(), method -> endpointOf(parameter));
    }

    /** A protected endpoint without one POST path is a programming error, found at first use. */
    private URI endpointOf(MethodParameter parameter) {
        PostMapping mapping = parameter.getMethodAnnotation(PostMapping.class);
        String[] paths = mapping == null ? new String[0] : mapping.value().length > 0 ? mapping.value() : mapping.path();
        if (paths.length != 1) throw new IllegalStateException("a protected wallet endpoint needs exactly one POST path");
        return connector.endpoint(paths[0]);
    }
}
