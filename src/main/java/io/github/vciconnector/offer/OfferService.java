package io.github.vciconnector.offer;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.metadata.AuthorizationServerMetadata;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.metadata.IssuerMetadata;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.SessionStore;
import io.github.vciconnector.session.TxCodeSpec;
import org.springframework.context.ApplicationEventPublisher;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates Credential Offers (OID4VCI 1.0 §4.1) for the backend and serves them to wallets by reference.
 * Claims are checked against Type Metadata before anything is stored; the pre-authorized code and the
 * Transaction Code are derived or generated here and only their hashes reach the store.
 */
public class OfferService {

    static final String NUMERIC = "0123456789";
    static final String TEXT = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I: read aloud or typed from SMS

    private final SessionStore store;
    private final CredentialConfigurations configurations;
    private final ConnectorProperties connector;
    private final OfferProperties properties;
    private final OfferSecrets secrets;
    private final SecureRandom random;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration callbackMaxAge;

    /** @param callbackMaxAge how long the callbacks of an offer are retried ({@code connector.callback.max-age}) */
    public OfferService(SessionStore store, CredentialConfigurations configurations, ConnectorProperties connector,
                        OfferProperties properties, OfferSecrets secrets, SecureRandom random, Clock clock,
                        ApplicationEventPublisher events, Duration callbackMaxAge) {
        this.store = store;
        this.configurations = configurations;
        this.connector = connector;
        this.properties = properties;
        this.secrets = secrets;
        this.random = random;
        this.clock = clock;
        this.events = events;
        this.callbackMaxAge = callbackMaxAge;
    }

    /** Validates and stores a new offer; throws {@link OfferException} naming the offending field. */
    public CreatedOffer create(OfferRequest request) {
        CredentialConfiguration configuration = configurations.find(request.credentialConfigurationId())
                .orElseThrow(() -> new OfferException(OfferError.UNKNOWN_CREDENTIAL_CONFIGURATION,
                        "credential_configuration_id", "unknown credential configuration"));
        ClaimsValidator.validate(configuration.typeMetadata(), request.claims());
        Duration ttl = lifetime(request.expiresIn());
        TxCodeSpec txCodeSpec = txCodeSpec(request.txCode());

        var now = clock.instant();
        String offerId = secrets.newOfferId();
        String txCode = txCodeSpec == null ? null : generate(txCodeSpec);
        var session = IssuanceSession.created(offerId, configuration.id(), request.claims(),
                OfferSecrets.sha256(secrets.preAuthorizedCode(offerId)), txCodeSpec,
                txCode == null ? null : secrets.txCodeHash(offerId, txCode), now, now.plus(ttl), callbackMaxAge);
        store.create(session);
        events.publishEvent(new OfferCreated(offerId, now));
        return new CreatedOffer(offerId, credentialOfferUri(offerId), txCode, session.expiresAt());
    }

    public Optional<IssuanceSession> find(String offerId) {
        return store.findById(offerId);
    }

    /**
     * The Credential Offer object for a public offer reference, while its code can still be redeemed
     * (VCI-OFR-4: the same answer on every fetch until redemption or expiry).
     */
    public Optional<Map<String, Object>> credentialOffer(String reference) {
        String offerId = secrets.offerIdFromReference(reference);
        if (offerId == null) return Optional.empty();
        return store.findById(offerId)
                .filter(s -> s.status() == OfferStatus.OFFER_CREATED && !s.isExpired(clock.instant()))
                .map(this::credentialOfferObject);
    }

    /** The {@code openid-credential-offer://} link carrying the offer by reference (VCI-OFF-1). */
    public String credentialOfferUri(String offerId) {
        String url = connector.endpoint(IssuerMetadata.OFFERS_PATH + secrets.offerReference(offerId)).toString();
        return "openid-credential-offer://?credential_offer_uri=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    private Map<String, Object> credentialOfferObject(IssuanceSession session) {
        var grant = new LinkedHashMap<String, Object>();
        grant.put("pre-authorized_code", secrets.preAuthorizedCode(session.offerId()));
        if (session.txCode() != null) {
            var txCode = new LinkedHashMap<String, Object>();
            txCode.put("input_mode", session.txCode().inputMode());
            txCode.put("length", session.txCode().length());
            if (session.txCode().description() != null) txCode.put("description", session.txCode().description());
            grant.put("tx_code", txCode);
        }
        var offer = new LinkedHashMap<String, Object>();
        offer.put("credential_issuer", connector.issuerIdentifier());
        offer.put("credential_configuration_ids", List.of(session.credentialConfigurationId()));
        offer.put("grants", Map.of(AuthorizationServerMetadata.PRE_AUTHORIZED_CODE_GRANT, grant));
        return offer;
    }

    private Duration lifetime(Duration expiresIn) {
        if (expiresIn == null) return properties.defaultTtl();
        if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(properties.maxTtl()) > 0) {
            throw new OfferException(OfferError.INVALID_EXPIRES_IN, "expires_in",
                    "expires_in must be between 1 and " + properties.maxTtl().toSeconds() + " seconds");
        }
        return expiresIn;
    }

    private static TxCodeSpec txCodeSpec(OfferRequest.TxCodeRequest request) {
        if (request == null) return null;
        String inputMode = request.inputMode() == null ? "numeric" : request.inputMode();
        if (!"numeric".equals(inputMode) && !"text".equals(inputMode)) {
            throw new OfferException(OfferError.INVALID_TX_CODE, "tx_code.input_mode", "input_mode must be numeric or text");
        }
        int length = request.length() == null ? 6 : request.length();
        if (length < 4 || length > 12) {
            throw new OfferException(OfferError.INVALID_TX_CODE, "tx_code.length", "length must be between 4 and 12");
        }
        if (request.description() != null && request.description().length() > 300) {
            throw new OfferException(OfferError.INVALID_TX_CODE, "tx_code.description", "description must be at most 300 characters");
        }
        return new TxCodeSpec(inputMode, length, request.description());
    }

    private String generate(TxCodeSpec spec) {
        String alphabet = "numeric".equals(spec.inputMode()) ? NUMERIC : TEXT;
        var code = new StringBuilder(spec.length());
        for (int i = 0; i < spec.length(); i++) code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return code.toString();
    }
}
