package io.github.vciconnector.offer;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.session.IdempotencyKeys;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferCreated;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.TxCodeSpec;
import org.springframework.context.ApplicationEventPublisher;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Credential Offer lifecycle (OID4VCI 1.0 §4.1) for the backend: create, look up, cancel; and the offer by
 * reference for wallets. Claims are checked against Type Metadata before anything is stored; the pre-authorized code
 * and the Transaction Code are derived or generated here and only their hashes reach the store.
 */
public class OfferService {

    private static final long REPLAY_WAIT_MILLIS = 2_000;

    private final OfferStore store;
    private final CredentialConfigurations configurations;
    private final ConnectorProperties connector;
    private final OfferProperties properties;
    private final OfferSecrets secrets;
    private final OfferIdempotency idempotency;
    private final SecureRandom random;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration callbackMaxAge;
    private final boolean authorizationCodeFlow;

    /** @param callbackMaxAge how long the callbacks of an offer are retried ({@code connector.callback.max-age}) */
    public OfferService(OfferStore store, IdempotencyKeys idempotencyKeys, CredentialConfigurations configurations, ConnectorProperties connector,
                        OfferProperties properties, OfferSecrets secrets, SecureRandom random, Clock clock,
                        ApplicationEventPublisher events, Duration callbackMaxAge) {
        this(store, idempotencyKeys, configurations, connector, properties, secrets, random, clock, events, callbackMaxAge, false);
    }

    /** @param authorizationCodeFlow true when offers for the authorization code grant may be made (DESIGN §10) */
    public OfferService(OfferStore store, IdempotencyKeys idempotencyKeys, CredentialConfigurations configurations, ConnectorProperties connector,
                        OfferProperties properties, OfferSecrets secrets, SecureRandom random, Clock clock,
                        ApplicationEventPublisher events, Duration callbackMaxAge, boolean authorizationCodeFlow) {
        this.authorizationCodeFlow = authorizationCodeFlow;
        this.store = store;
        this.configurations = configurations;
        this.connector = connector;
        this.properties = properties;
        this.secrets = secrets;
        this.idempotency = new OfferIdempotency(idempotencyKeys, secrets);
        this.random = random;
        this.clock = clock;
        this.events = events;
        this.callbackMaxAge = callbackMaxAge;
    }

    /** Validates and stores a new offer; throws {@link OfferException} naming the offending field. */
    public CreatedOffer create(OfferRequest request) {
        return create(request, null);
    }

    /**
     * Like {@link #create(OfferRequest)}, made idempotent by {@code idempotencyKey} (null for none): the same key
     * with an equal request returns the first offer, without its Transaction Code (never stored in clear), marked
     * {@link CreatedOffer#replayed()}; with another request it throws {@link OfferError#IDEMPOTENCY_KEY_REUSED}.
     * Atomic across replicas: concurrent first requests with one key create one offer.
     */
    public CreatedOffer create(OfferRequest request, String idempotencyKey) {
        CredentialConfiguration configuration = configurations.find(request.credentialConfigurationId())
                .orElseThrow(() -> new OfferException(OfferError.UNKNOWN_CREDENTIAL_CONFIGURATION,
                        "credential_configuration_id", "unknown credential configuration"));
        ClaimsValidator.validate(configuration.typeMetadata(), request.claims());
        Duration ttl = lifetime(request.expiresIn());
        boolean authorizationCode = request.grant() == OfferRequest.Grant.AUTHORIZATION_CODE;
        if (authorizationCode && !authorizationCodeFlow) {
            throw new OfferException(OfferError.INVALID_GRANT, "grant", "the authorization code flow is off: set CONNECTOR_AUTHORIZATION_LOGIN_URL");
        }
        if (authorizationCode && request.txCode() != null) {
            throw new OfferException(OfferError.INVALID_GRANT, "tx_code", "tx_code belongs to the pre-authorized code grant only");
        }
        TxCodeSpec txCodeSpec = TxCodes.spec(request.txCode());
        String offerId = secrets.newOfferId();
        if (idempotencyKey != null) {
            // Only requests that passed validation claim a key, so a refused request can be corrected and retried.
            String firstOfferId = idempotency.claim(idempotencyKey, OfferIdempotency.canonical(configuration, request, txCodeSpec),
                    offerId, ttl.plus(properties.retention()));
            if (firstOfferId != null) return replay(firstOfferId, () -> store(firstOfferId, configuration, request, ttl, txCodeSpec));
            try {
                return store(offerId, configuration, request, ttl, txCodeSpec);
            } catch (IllegalStateException collision) {
                // A retry with this key found no offer and stored it under this id first (see replay): it is ours
                return replay(offerId, null);
            }
        }
        return store(offerId, configuration, request, ttl, txCodeSpec);
    }

    private CreatedOffer store(String offerId, CredentialConfiguration configuration, OfferRequest request, Duration ttl,
                               TxCodeSpec txCodeSpec) {
        var now = clock.instant();
        String txCode = txCodeSpec == null ? null : TxCodes.generate(txCodeSpec, random);
        // DESIGN §10: an offer for the authorization code grant keeps a marker where the code hash goes, so no
        // pre-authorized code redeems it and the offer tells its grant without a new stored member
        boolean authorizationCode = request.grant() == OfferRequest.Grant.AUTHORIZATION_CODE;
        var session = IssuanceSession.created(offerId, configuration.id(), request.claims(),
                authorizationCode ? secrets.authorizationCodeOfferMarker(offerId) : Sha256.base64Url(secrets.preAuthorizedCode(offerId)),
                txCodeSpec,
                txCode == null ? null : secrets.txCodeHash(offerId, txCode), now, now.plus(ttl), callbackMaxAge);
        store.create(session);
        events.publishEvent(new OfferCreated(offerId, now));
        return new CreatedOffer(offerId, credentialOfferUri(offerId), txCode, session.expiresAt(), false);
    }

    /**
     * Checks the claims a backend gives when it completes a wallet-initiated authorization (DESIGN §10), as
     * {@link #create} checks those of an offer; stores nothing.
     */
    CredentialConfiguration requireValidClaims(String credentialConfigurationId, Map<String, Object> claims) {
        CredentialConfiguration configuration = configurations.find(credentialConfigurationId)
                .orElseThrow(() -> new OfferException(OfferError.UNKNOWN_CREDENTIAL_CONFIGURATION, null, "unknown credential configuration"));
        ClaimsValidator.validate(configuration.typeMetadata(), claims);
        return configuration;
    }

    /**
     * Stores the offer of a wallet-initiated authorization the backend completed, under the id the authorization
     * already names, for the authorization code grant; OFFER_CREATED is queued and published as for any offer.
     */
    void createAuthorized(String offerId, CredentialConfiguration configuration, Map<String, Object> claims) {
        var now = clock.instant();
        store.create(IssuanceSession.created(offerId, configuration.id(), claims, secrets.authorizationCodeOfferMarker(offerId),
                null, null, now, now.plus(properties.defaultTtl()), callbackMaxAge));
        events.publishEvent(new OfferCreated(offerId, now));
    }

    /** Empty for an id no offer can have, as for one that names no offer. */
    public Optional<IssuanceSession> find(String offerId) {
        return OfferId.parse(offerId).flatMap(store::findById);
    }

    /** What the backend may see of an offer: status and timestamps, no claims. */
    public Optional<OfferSnapshot> snapshot(String offerId) {
        return find(offerId).map(session -> OfferSnapshot.of(session, clock.instant()));
    }

    /**
     * Cancels an offer that has not ended: the session becomes CANCELLED (compare-and-set), the pre-authorized code
     * stops working (the wallet gets {@code invalid_grant}), an access token already issued stops working, and
     * {@link OfferEnded} is published once. Idempotent: cancelling a cancelled offer changes nothing. An ISSUED offer
     * stays ISSUED but loses its claims, so the wallet's token fetches no further copies.
     *
     * @throws OfferException {@link OfferError#OFFER_NOT_FOUND}, or {@link OfferError#OFFER_ENDED} when the offer
     *                        already failed or expired
     */
    public void cancel(String offerId) {
        // A malformed id (from the management URL) names no offer: the same 404 as an unknown one.
        OfferId id = OfferId.parse(offerId).orElseThrow(OfferService::notFound);
        store.findById(id).orElseThrow(OfferService::notFound);
        var now = clock.instant();
        String reason = "cancelled by the backend";
        store.transition(id, session -> {
            if (session.status() == OfferStatus.CANCELLED) return Optional.empty();
            OfferStatus status = OfferSnapshot.of(session, now).status();
            // After issuance the backend can still stop further copies on the wallet's token and delete the claims
            // at once (fraud, a person's request); the offer stays ISSUED, and no callback is sent.
            if (status == OfferStatus.ISSUED) return session.claims() == null ? Optional.empty() : Optional.of(session.withoutClaims());
            if (status.isFinal()) throw new OfferException(OfferError.OFFER_ENDED, null, "offer already ended with status " + status);
            return Optional.of(session.ended(OfferStatus.CANCELLED, reason, now));
        }).filter(written -> written.status() == OfferStatus.CANCELLED).ifPresent(cancelled -> {
            store.redeemPreAuthorizedCode(cancelled.codeHash());
            events.publishEvent(new OfferEnded(offerId, OfferStatus.CANCELLED, reason, now));
        });
    }

    /**
     * The Credential Offer object for a public offer reference, while its code can still be redeemed
     * (VCI-OFR-4: the same answer on every fetch until redemption or expiry).
     */
    public Optional<CredentialOffer> credentialOffer(String reference) {
        return OfferId.parse(secrets.offerIdFromReference(reference)).flatMap(store::findById)
                .filter(s -> s.status() == OfferStatus.OFFER_CREATED && !s.isExpired(clock.instant()))
                .flatMap(this::credentialOffer);
    }

    /** The {@code openid-credential-offer://} link carrying the offer by reference (VCI-OFF-1). */
    public CredentialOfferUri credentialOfferUri(String offerId) {
        return new CredentialOfferUri(connector.endpoint(WalletProtocol.OFFERS_PATH + secrets.offerReference(offerId)));
    }

    /**
     * The {@code credential_offer_uri} of an offer a wallet can still take up (for QR codes).
     *
     * @throws OfferException {@link OfferError#OFFER_NOT_FOUND}, or {@link OfferError#OFFER_ENDED} once the code was
     *                        redeemed or the offer ended
     */
    public CredentialOfferUri requireActiveOfferUri(String offerId) {
        IssuanceSession session = find(offerId).orElseThrow(OfferService::notFound);
        OfferStatus status = OfferSnapshot.of(session, clock.instant()).status();
        if (status != OfferStatus.OFFER_CREATED) {
            throw new OfferException(OfferError.OFFER_ENDED, null, "offer can no longer be taken up, its status is " + status);
        }
        return credentialOfferUri(offerId);
    }

    /**
     * The offer of the first request with an Idempotency-Key. Claiming the key and storing the offer are two store
     * steps (the key and the offer live in different slots of a Redis Cluster), so a store failure between them
     * leaves a claimed key without an offer (issue 15). A concurrent first request may also hold the key but not
     * have stored its offer yet: wait a little; then this equal request ({@code takeOver}, null for none) stores
     * the offer under the claimed id itself. Whichever of the two stores it first wins; the other replays it.
     */
    private CreatedOffer replay(String offerId, Supplier<CreatedOffer> takeOver) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REPLAY_WAIT_MILLIS);
        Optional<IssuanceSession> session = find(offerId);
        while (session.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            session = find(offerId);
        }
        if (session.isEmpty() && takeOver != null) {
            try {
                return takeOver.get();
            } catch (IllegalStateException collision) {
                session = find(offerId); // the first request stored it meanwhile
            }
        }
        return session.map(s -> new CreatedOffer(offerId, credentialOfferUri(offerId), null, s.expiresAt(), true))
                .orElseThrow(() -> new OfferException(OfferError.IDEMPOTENCY_KEY_IN_PROGRESS, "Idempotency-Key",
                        "the first request with this Idempotency-Key has not stored an offer, use a new key"));
    }

    private Optional<CredentialOffer> credentialOffer(IssuanceSession session) {
        if (secrets.isAuthorizationCodeOffer(session.offerId(), session.preAuthorizedCodeHash())) {
            return Optional.of(new CredentialOffer(connector.issuerIdentifier(), List.of(session.credentialConfigurationId()), null,
                    new CredentialOffer.AuthorizationCodeGrant(secrets.issuerState(session.offerId()))));
        }
        TxCodeSpec spec = session.txCode();
        var txCode = spec == null ? null : new CredentialOffer.TxCode(spec.inputMode(), spec.length(), spec.description());
        // Empty when the offer was made under a master secret that is no longer configured: its code is dead
        return secrets.preAuthorizedCode(session.offerId(), session.preAuthorizedCodeHash())
                .map(code -> new CredentialOffer(connector.issuerIdentifier(), List.of(session.credentialConfigurationId()),
                        new CredentialOffer.PreAuthorizedCodeGrant(code, txCode)));
    }

    private Duration lifetime(Duration expiresIn) {
        if (expiresIn == null) return properties.defaultTtl();
        if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(properties.maxTtl()) > 0) {
            throw new OfferException(OfferError.INVALID_EXPIRES_IN, "expires_in",
                    "expires_in must be between 1 and " + properties.maxTtl().toSeconds() + " seconds");
        }
        return expiresIn;
    }

    private static OfferException notFound() {
        return new OfferException(OfferError.OFFER_NOT_FOUND, null, "no offer with this id");
    }
}
