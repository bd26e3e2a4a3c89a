package io.github.vciconnector.offer;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Credential Offer passed by reference (OID4VCI 1.0 §4.1.3, VCI-OFF-1): the link the backend shows as text or
 * QR code, {@code openid-credential-offer://?credential_offer_uri=<url-encoded offer URL>}. The offer object itself
 * (with its pre-authorized code) is never in the link; the wallet fetches it from {@link #offerLocation()}.
 *
 * @param offerLocation where the {@link CredentialOffer} is served, {@code <issuer>/oidc4vci/offers/<reference>}
 */
public record CredentialOfferUri(URI offerLocation) {

    public static final String SCHEME = "openid-credential-offer";
    public static final String CREDENTIAL_OFFER_URI = "credential_offer_uri";

    public CredentialOfferUri {
        Objects.requireNonNull(offerLocation, CREDENTIAL_OFFER_URI);
    }

    /** The link as the backend and its QR code show it. */
    public String toURIString() {
        return SCHEME + "://?" + CREDENTIAL_OFFER_URI + "=" + URLEncoder.encode(offerLocation.toString(), StandardCharsets.UTF_8);
    }

    /** Never the location: whoever has it can fetch the pre-authorized code, so it must not reach a log. */
    @Override
    public String toString() {
        return "CredentialOfferUri[redacted]";
    }
}
