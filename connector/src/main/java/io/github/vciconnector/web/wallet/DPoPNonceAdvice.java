package io.github.vciconnector.web.wallet;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.oauth.ResourceError;
import io.github.vciconnector.oauth.TokenError;
import io.github.vciconnector.oauth.dpop.DPoPNonces;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * The one place a wallet response gets a {@code DPoP-Nonce} header (RFC 9449 §8, DPOP-10): every response of a
 * handler method marked {@link IssuesDPoPNonce} (the token, nonce and credential responses), and the
 * {@code use_dpop_nonce} errors of the marked exception handlers (token endpoint and resources). No endpoint spells
 * the header. Not limited to {@link WalletEndpoints}' package, since the wallet's exception handlers live in
 * {@code web.error}; the annotation is what selects. The nonce is an HMAC under a key derived at startup from the
 * master secret, so adding it needs no store and cannot fail a response.
 */
@ControllerAdvice
final class DPoPNonceAdvice implements ResponseBodyAdvice<Object> {

    static final String DPOP_NONCE = "DPoP-Nonce";

    private final DPoPNonces nonces;

    DPoPNonceAdvice(DPoPNonces nonces) {
        this.nonces = nonces;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return returnType.hasMethodAnnotation(IssuesDPoPNonce.class);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        boolean errorAnswer = returnType.hasMethodAnnotation(ExceptionHandler.class);
        if (!errorAnswer || asksForNonce(body)) response.getHeaders().set(DPOP_NONCE, nonces.current());
        return body;
    }

    /**
     * True for a wallet error body whose {@code error} is {@code use_dpop_nonce} (the token endpoint's and the
     * resources' code are the same string). The body is our own {@link WalletErrorPage} output, a few hundred bytes.
     */
    private static boolean asksForNonce(Object body) {
        if (!(body instanceof byte[] bytes)) return false;
        try {
            Object error = JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8)).get("error");
            return TokenError.USE_DPOP_NONCE.code().equals(error) || ResourceError.USE_DPOP_NONCE.code().equals(error);
        } catch (ParseException e) {
            return false;
        }
    }
}
