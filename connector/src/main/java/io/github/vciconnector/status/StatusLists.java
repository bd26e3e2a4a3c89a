package io.github.vciconnector.status;

import io.github.vciconnector.keys.StatusList;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.session.StatusListStore;
import io.github.vciconnector.session.StatusListStore.Allocation;
import io.github.vciconnector.session.StatusReference;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Status list entries for credentials (DESIGN §9): hands out one random, never reused index per credential (TSL-7,
 * HAIP §6.1, ARF VCR_17), starts a new list when the current one is full, writes revocations. Used by
 * {@code issuance} (a reference per credential) and {@code offer} (revocation).
 */
public final class StatusLists {

    /** Random candidates per credential; with a list 70 % full all 8 are taken in 6 % of draws, then the store scans on. */
    static final int CANDIDATES = 8;
    /** A list nobody drew from (a lost race to become current) disappears after this. */
    private static final Duration UNUSED_LIST_KEPT = Duration.ofDays(1);
    private static final int MAX_ROUNDS = 8;

    private record Geometry(int size, int bits) {
    }

    private final StatusListStore store;
    private final StatusListProperties properties;
    private final RandomTokens tokens;
    private final SecureRandom random;
    private final StatusListUris uris;
    private final StatusListMetrics metrics;
    private final StatusListPublisher publisher;
    private final Map<String, Geometry> geometries = new ConcurrentHashMap<>();

    public StatusLists(StatusListStore store, StatusListProperties properties, RandomTokens tokens, SecureRandom random,
                       StatusListUris uris, StatusListMetrics metrics, StatusListPublisher publisher) {
        this.store = store;
        this.properties = properties;
        this.tokens = tokens;
        this.random = random;
        this.uris = uris;
        this.metrics = metrics;
        this.publisher = publisher;
    }

    /**
     * One fresh entry for each of {@code count} credentials, valid until {@code keepFor} from now (the lists are kept
     * that long). Unique across replicas: every index comes out of one atomic store operation.
     *
     * @throws SessionStoreUnavailableException when no list has a free entry and none may be created (max-lists)
     */
    public List<StatusReference> allocate(int count, Duration keepFor) {
        var references = new ArrayList<StatusReference>(count);
        for (int round = 0; references.size() < count; round++) {
            if (round == MAX_ROUNDS) throw new SessionStoreUnavailableException("no status list entry could be allocated", null);
            String listId = current();
            Geometry geometry = geometry(listId);
            if (geometry == null || geometry.size() != properties.size() || geometry.bits() != properties.bits()) {
                startNextList(listId); // gone, or made under other settings: new credentials use the configured ones
                continue;
            }
            int wanted = count - references.size();
            int[] candidates = new int[wanted * CANDIDATES];
            for (int i = 0; i < candidates.length; i++) candidates[i] = random.nextInt(geometry.size());
            Optional<Allocation> allocation = store.allocate(listId, wanted, CANDIDATES, candidates, keepFor);
            if (allocation.isEmpty()) {
                geometries.remove(listId);
                startNextList(listId);
                continue;
            }
            for (int index : allocation.get().indices()) references.add(new StatusReference(listId, index));
            metrics.issued(listId, allocation.get().indices().size(), allocation.get().allocated(), allocation.get().size());
            if (allocation.get().allocated() >= allocation.get().size()) startNextListEarly(listId);
        }
        return references;
    }

    /** The {@code status} claim of one credential: {@code {"status_list": {"idx", "uri"}}} (TSL-1). */
    public Map<String, Object> claim(StatusReference reference) {
        var statusList = new LinkedHashMap<String, Object>();
        statusList.put("idx", reference.idx());
        statusList.put("uri", uris.uri(reference.list()).toString());
        return Map.of("status_list", statusList);
    }

    /** The URI of the list an entry is in. */
    public String uri(StatusReference reference) {
        return uris.uri(reference.list()).toString();
    }

    /**
     * Sets every entry to INVALID (0x01). Idempotent and irreversible: nothing ever writes VALID again. A list that
     * is gone (past the validity of every credential in it) needs nothing.
     */
    public void invalidate(Collection<StatusReference> references) {
        var byList = new LinkedHashMap<String, List<Integer>>();
        for (StatusReference reference : references) byList.computeIfAbsent(reference.list(), id -> new ArrayList<>()).add(reference.idx());
        byList.forEach((listId, indices) -> store.setStatus(listId, indices, StatusList.INVALID));
    }

    /** After the revocation was recorded: counted, and this replica's rendering of the lists is out of date at once. */
    public void revoked(Collection<StatusReference> references) {
        for (StatusReference reference : references) {
            metrics.revoked(reference.list());
            publisher.changed(reference.list());
        }
    }

    /** The entries handed out stand: a next list that cannot be made yet (max-lists) is the next request's refusal. */
    private void startNextListEarly(String full) {
        try {
            startNextList(full);
        } catch (SessionStoreUnavailableException e) {
            // the health component already warns; issuance stops only when an entry is really missing
        }
    }

    private String current() {
        return store.currentList().orElseGet(() -> startNextList(null));
    }

    /** Creates a list and makes it current unless another replica switched first; returns the current list. */
    private synchronized String startNextList(String full) {
        Optional<String> now = store.currentList();
        if (now.isPresent() && !now.get().equals(full)) return now.get(); // another thread or replica was first
        if (properties.maxLists() > 0 && store.countLists() >= properties.maxLists()) {
            throw new SessionStoreUnavailableException("every status list is full and connector.status-list.max-lists ("
                    + properties.maxLists() + ") are in use", null);
        }
        String next = tokens.mint(16);
        store.create(next, properties.size(), properties.bits(), UNUSED_LIST_KEPT);
        geometries.put(next, new Geometry(properties.size(), properties.bits()));
        return store.switchCurrentList(now.orElse(null), next);
    }

    private Geometry geometry(String listId) {
        Geometry known = geometries.get(listId);
        if (known != null) return known;
        // Read once per list and replica: the size the candidates are drawn from must be the list's own.
        return store.read(listId).map(stored -> {
            var geometry = new Geometry(stored.size(), stored.bits());
            geometries.put(listId, geometry);
            return geometry;
        }).orElse(null);
    }
}
