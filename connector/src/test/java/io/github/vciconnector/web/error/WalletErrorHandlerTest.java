package io.github.vciconnector.web.error;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.web.wallet.IssuesDPoPNonce;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import io.github.vciconnector.issuance.CredentialError;
import io.github.vciconnector.issuance.CredentialRequestException;
import io.github.vciconnector.issuance.NotificationError;
import io.github.vciconnector.issuance.NotificationRequestException;
import io.github.vciconnector.oauth.ResourceAccessException;
import io.github.vciconnector.oauth.ResourceError;
import io.github.vciconnector.oauth.TokenError;
import io.github.vciconnector.oauth.TokenRequestException;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet port's error answers without a server (VCI-ERR-1..3, DPOP-6, EUDI-12): each exception goes to the
 * handler method Spring itself would pick ({@link ExceptionHandlerMethodResolver} over the advice), and the answer's
 * status, {@code error} code, headers and description are checked. The {@code DPoP-Nonce} header is not the handler's:
 * {@code web.wallet.DPoPNonceAdvice} adds it to the marked handlers' {@code use_dpop_nonce} answers
 * ({@code DPoPNonceResponsesTest} pins which wallet responses carry it).
 */
class WalletErrorHandlerTest {

    private static final ExceptionHandlerMethodResolver RESOLVER = new ExceptionHandlerMethodResolver(WalletErrorHandler.class);
    private static final String SECRET = "s3cret-token-value";

    private final WalletErrorHandler handler = new WalletErrorHandler();

    // --- credential, notification and token requests: 400 with the precise code (VCI-ERR-2) ---

    @ParameterizedTest
    @EnumSource(CredentialError.class)
    void handleWhenCredentialRequestRefusedThenBadRequestWithItsCode(CredentialError error) {
        var answer = answer(new CredentialRequestException(error, "proof aud must be the credential issuer"));

        assertWalletError(answer, HttpStatus.BAD_REQUEST, error.code(), "proof aud must be the credential issuer");
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
        assertThat(answer.getHeaders().containsHeader("DPoP-Nonce")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(NotificationError.class)
    void handleWhenNotificationRequestRefusedThenBadRequestWithItsCode(NotificationError error) {
        assertWalletError(answer(new NotificationRequestException(error, "unknown notification_id")), HttpStatus.BAD_REQUEST,
                error.code(), "unknown notification_id");
    }

    @ParameterizedTest
    @EnumSource(value = TokenError.class, names = "USE_DPOP_NONCE", mode = EnumSource.Mode.EXCLUDE)
    void handleWhenTokenRequestRefusedThenBadRequestWithoutChallengeOrNonce(TokenError error) {
        // EUDI-9 reads only 400 bodies at the token endpoint, so even invalid_client is a 400 here
        var answer = answer(new TokenRequestException(error, "pre-authorized code is invalid"));

        assertWalletError(answer, HttpStatus.BAD_REQUEST, error.code(), "pre-authorized code is invalid");
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
        assertThat(answer.getHeaders().containsHeader("DPoP-Nonce")).isFalse();
    }

    @Test
    void handleWhenTokenRequestNeedsDPoPNonceThenBadRequestWithUseDPoPNonce() {
        var answer = answer(new TokenRequestException(TokenError.USE_DPOP_NONCE, "DPoP proof must carry the server nonce"));

        assertWalletError(answer, HttpStatus.BAD_REQUEST, "use_dpop_nonce", "DPoP proof must carry the server nonce");
    }

    // --- protected resources: 401/403 with WWW-Authenticate: DPoP and a JSON body (DPOP-6, VCI-ERR-1) ---

    @Test
    void handleWhenAccessTokenInvalidThenUnauthorizedWithDPoPChallengeAndJsonBody() {
        var answer = answer(new ResourceAccessException(ResourceError.INVALID_TOKEN, "access token is invalid or expired"));

        assertWalletError(answer, HttpStatus.UNAUTHORIZED, "invalid_token", "access token is invalid or expired");
        assertThat(answer.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .containsExactly("DPoP error=\"invalid_token\", error_description=\"access token is invalid or expired\", algs=\"ES256\"");
        assertThat(answer.getHeaders().containsHeader("DPoP-Nonce")).isFalse();
    }

    @Test
    void handleWhenDPoPProofInvalidAtResourceThenUnauthorizedWithChallenge() {
        var answer = answer(new ResourceAccessException(ResourceError.INVALID_DPOP_PROOF, "DPoP proof ath does not match"));

        assertWalletError(answer, HttpStatus.UNAUTHORIZED, "invalid_dpop_proof", "DPoP proof ath does not match");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("DPoP error=\"invalid_dpop_proof\"");
    }

    @Test
    void handleWhenInsufficientScopeThenForbiddenWithChallenge() {
        var answer = answer(new ResourceAccessException(ResourceError.INSUFFICIENT_SCOPE, "credential not in the offer"));

        assertWalletError(answer, HttpStatus.FORBIDDEN, "insufficient_scope", "credential not in the offer");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("DPoP error=\"insufficient_scope\"");
    }

    @Test
    void handleWhenResourceNeedsDPoPNonceThenUnauthorizedWithExactChallenge() {
        // EUDI-12: the wallet retries only on 401 whose WWW-Authenticate holds the literal error="use_dpop_nonce"
        var answer = answer(new ResourceAccessException(ResourceError.USE_DPOP_NONCE, "DPoP proof must carry the server nonce"));

        assertWalletError(answer, HttpStatus.UNAUTHORIZED, "use_dpop_nonce", "DPoP proof must carry the server nonce");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("error=\"use_dpop_nonce\"");
    }

    @Test
    void handleWhenDescriptionHasQuotesControlsOrNonAsciiThenHeaderAndBodyStayInTheAllowedSet() {
        // VCI-ERR-3: a description may echo input names; it must never break the challenge's quoting
        var answer = answer(new ResourceAccessException(ResourceError.INVALID_TOKEN, "bad \"x\"\\\r\nSet-Cookie: a=\u00e9"));

        String safe = "bad ?x????Set-Cookie: a=?";
        assertWalletError(answer, HttpStatus.UNAUTHORIZED, "invalid_token", safe);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("DPoP error=\"invalid_token\", error_description=\"" + safe + "\", algs=\"ES256\"");
    }

    @Test
    void handleWhenDescriptionIsLongThenCutTo200Characters() {
        var answer = answer(new CredentialRequestException(CredentialError.INVALID_PROOF, "x".repeat(500)));
        assertThat((String) answer.getBody().get("error_description")).hasSize(200);
    }

    // --- the store is away: 503 with Retry-After (RFC 6749 §4.1.2.1 temporarily_unavailable) ---

    @Test
    void handleWhenSessionStoreUnavailableThenServiceUnavailableWithRetryAfterAndNoDetail() {
        var answer = answer(new SessionStoreUnavailableException("redis://default:" + SECRET + "@redis:6379 timed out",
                new IOException(SECRET)));

        assertWalletError(answer, HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
                "the issuer is temporarily unavailable, retry later");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    // --- everything else: the status only, never the exception's text ---

    @Test
    void handleWhenUnexpectedExceptionThenServerErrorWithRequestIdOnly() {
        var answer = answer(new IllegalStateException("signing key password is " + SECRET));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).containsEntry("error", "server_error");
        assertThat((String) answer.getBody().get("error_description"))
                .matches("internal error, request id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertNoStoreJson(answer);
        assertThat(answer.getBody().toString()).doesNotContain(SECRET);
    }

    @Test
    void handleWhenSpringRefusesAcceptThenNotAcceptableWithoutEchoingTheHeader() {
        var answer = answer(new HttpMediaTypeNotAcceptableException("Could not parse Accept header " + SECRET));
        assertWalletError(answer, HttpStatus.NOT_ACCEPTABLE, "invalid_request", "not acceptable");
    }

    @Test
    void handleWhenSpringMissesAParameterThenBadRequestWithReasonPhraseOnly() {
        var answer = answer(new MissingServletRequestParameterException(SECRET, "String"));
        assertWalletError(answer, HttpStatus.BAD_REQUEST, "invalid_request", "bad request");
    }

    @Test
    void handleWhenEndpointRaisesNotFoundThenNotFoundCode() {
        var answer = answer(new ResponseStatusException(HttpStatus.NOT_FOUND, "no offer " + SECRET));
        assertWalletError(answer, HttpStatus.NOT_FOUND, "not_found", "not found");
    }

    @Test
    void handleWhenSpringErrorIsAServerErrorThenServerError() {
        var answer = answer(new ResponseStatusException(HttpStatus.BAD_GATEWAY, SECRET));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).containsEntry("error", "server_error");
        assertThat(answer.getBody().toString()).doesNotContain(SECRET);
    }

    @Test
    void handleWhenMediaTypeHeaderDoesNotParseThenBadRequest() {
        String description = "malformed media type header";
        assertWalletError(answer(new InvalidMediaTypeException(SECRET, "no subtype")), HttpStatus.BAD_REQUEST, "invalid_request", description);
        assertWalletError(answer(new InvalidMimeTypeException(SECRET, "no subtype")), HttpStatus.BAD_REQUEST, "invalid_request", description);
    }

    @Test
    void handleWhenClientBrokeOffTheBodyThenBadRequest() {
        var answer = answer(new ClientAbortException(new IOException("Connection reset by peer")));
        assertWalletError(answer, HttpStatus.BAD_REQUEST, "invalid_request", "request body could not be read");
    }

    @Test
    void handleWhenServerSideIOExceptionThenServerErrorNotBlamedOnTheClient() {
        var answer = answer(new IOException("No space left on device"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).containsEntry("error", "server_error");
    }

    // --- helpers ---

    /** What the advice answers for {@code exception}: the handler method Spring picks, invoked as Spring would. */
    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> answer(Exception exception) {
        Method method = RESOLVER.resolveMethodByThrowable(exception);
        assertThat(method).as("a handler for %s", exception.getClass().getSimpleName()).isNotNull();
        ResponseEntity<?> raw;
        try {
            raw = (ResponseEntity<?>) method.invoke(handler, exception);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("handler failed for " + exception.getClass().getSimpleName(), e);
        }
        // The handler writes the wallet's JSON itself (Nimbus, the wallet side's one stack); read it back in wire order
        assertThat(raw.getBody()).as("the body is the written JSON").isInstanceOf(byte[].class);
        try {
            Map<String, Object> body = JSONObjectUtils.parse(new String((byte[]) raw.getBody(), StandardCharsets.UTF_8));
            return ResponseEntity.status(raw.getStatusCode()).headers(raw.getHeaders()).body(body);
        } catch (ParseException e) {
            throw new AssertionError("the body is not a JSON object", e);
        }
    }

    /** The DPoP-Nonce of a use_dpop_nonce answer is added by web.wallet.DPoPNonceAdvice to handlers marked for it. */
    @Test
    void handlersThatCanAnswerUseDPoPNonceAreMarkedForTheDPoPNonceAdvice() {
        assertThat(RESOLVER.resolveMethodByThrowable(new TokenRequestException(TokenError.USE_DPOP_NONCE, "x"))
                .isAnnotationPresent(IssuesDPoPNonce.class)).isTrue();
        assertThat(RESOLVER.resolveMethodByThrowable(new ResourceAccessException(ResourceError.USE_DPOP_NONCE, "x"))
                .isAnnotationPresent(IssuesDPoPNonce.class)).isTrue();
    }

    /** The OAuth error shape: status, {@code error} then {@code error_description}, JSON, no-store, nothing secret. */
    private static void assertWalletError(ResponseEntity<Map<String, Object>> answer, HttpStatus status, String error, String description) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getBody()).containsExactly(Map.entry("error", error), Map.entry("error_description", description));
        assertThat(description).matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*");
        assertNoStoreJson(answer);
        assertThat(answer.getBody().toString()).doesNotContain(SECRET);
        assertThat(answer.getHeaders().toString()).doesNotContain(SECRET);
    }

    private static void assertNoStoreJson(ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }
}
