package io.github.vciconnector.session.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** Offer ids ordered by an instant (like a Redis sorted set): one entry per offer, moved or removed on each write. */
final class TimeIndex {

    private record Item(Instant at, String offerId) {
    }

    private final ConcurrentSkipListSet<Item> ordered = new ConcurrentSkipListSet<>(
            Comparator.comparing(Item::at).thenComparing(Item::offerId));
    private final Map<String, Instant> current = new ConcurrentHashMap<>();

    /** Sets or clears ({@code at == null}) the offer's place; callers serialise writes per offer. */
    void put(String offerId, Instant at) {
        Instant previous = at == null ? current.remove(offerId) : current.put(offerId, at);
        if (previous != null && !previous.equals(at)) ordered.remove(new Item(previous, offerId));
        if (at != null) ordered.add(new Item(at, offerId));
    }

    List<String> due(Instant now, int limit) {
        var result = new ArrayList<String>();
        for (Item item : ordered) {
            if (item.at().isAfter(now) || result.size() >= limit) break;
            result.add(item.offerId());
        }
        return result;
    }
}
