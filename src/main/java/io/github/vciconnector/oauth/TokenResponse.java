package io.github.vciconnector.oauth;

/** A successful Token Response (RFC 6749 §5.1) with a fresh DPoP nonce for the next request. */
public record TokenResponse(String accessToken, long expiresIn, String dpopNonce) {

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
