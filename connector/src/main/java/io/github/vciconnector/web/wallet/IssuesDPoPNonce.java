package io.github.vciconnector.web.wallet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a wallet handler method whose response carries the current {@code DPoP-Nonce} (RFC 9449 §8, §9, DPOP-10);
 * {@link DPoPNonceAdvice} adds the header. On an endpoint every response of the method carries it; on an
 * {@code @ExceptionHandler} only a {@code use_dpop_nonce} error does, since that error asks the wallet to retry with it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IssuesDPoPNonce {
}
