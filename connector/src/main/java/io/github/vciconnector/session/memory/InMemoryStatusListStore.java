package io.github.vciconnector.session.memory;

import io.github.vciconnector.session.StatusListStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The status lists of one instance: each list's state changes under its own monitor, so an allocation is atomic
 * within this JVM; the current-list pointer is one {@link AtomicReference}. Lists live until their last
 * {@code keepFor}.
 */
public final class InMemoryStatusListStore implements StatusListStore {

    private static final class Entries {
        final int size;
        final int bits;
        final byte[] bytes;
        final BitSet handedOut;
        int allocated;
        long version;
        Instant keepUntil;

        Entries(int size, int bits, Instant keepUntil) {
            this.size = size;
            this.bits = bits;
            this.bytes = new byte[(size * bits + 7) / 8];
            this.handedOut = new BitSet(size);
            this.keepUntil = keepUntil;
        }
    }

    private final Clock clock;
    private final Map<String, Entries> lists = new ConcurrentHashMap<>();
    private final AtomicReference<String> current = new AtomicReference<>();

    public InMemoryStatusListStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean create(String listId, int size, int bits, Duration keepFor) {
        purge();
        return lists.putIfAbsent(listId, new Entries(size, bits, clock.instant().plus(keepFor))) == null;
    }

    @Override
    public Optional<Allocation> allocate(String listId, int count, int k, int[] candidates, Duration keepFor) {
        Entries list = live(listId);
        if (list == null) return Optional.empty();
        synchronized (list) {
            var indices = new ArrayList<Integer>(count);
            for (int c = 0; c < count && list.allocated < list.size; c++) {
                int index = -1;
                for (int j = 0; j < k && index < 0; j++) {
                    int candidate = candidates[c * k + j];
                    if (!list.handedOut.get(candidate)) index = candidate;
                }
                if (index < 0) {
                    // From the byte of the last candidate on, wrapping round, as the Redis script's BITPOS does.
                    int from = (candidates[c * k + k - 1] / 8) * 8;
                    index = list.handedOut.nextClearBit(from);
                    if (index >= list.size) index = list.handedOut.nextClearBit(0);
                }
                list.handedOut.set(index);
                list.allocated++;
                indices.add(index);
            }
            Instant keep = clock.instant().plus(keepFor);
            if (keep.isAfter(list.keepUntil)) list.keepUntil = keep;
            return Optional.of(new Allocation(indices, list.allocated, list.size));
        }
    }

    @Override
    public OptionalLong setStatus(String listId, Collection<Integer> indices, int value) {
        Entries list = live(listId);
        if (list == null) return OptionalLong.empty();
        synchronized (list) {
            boolean changed = false;
            for (int index : indices) {
                int bit = index * list.bits;
                int shift = bit % 8;
                int mask = ((1 << list.bits) - 1) << shift;
                int old = (list.bytes[bit / 8] & mask) >>> shift;
                if (old == value) continue;
                list.bytes[bit / 8] = (byte) ((list.bytes[bit / 8] & ~mask) | (value << shift));
                changed = true;
            }
            if (changed) list.version++;
            return OptionalLong.of(list.version);
        }
    }

    @Override
    public Optional<StoredStatusList> read(String listId) {
        Entries list = live(listId);
        if (list == null) return Optional.empty();
        synchronized (list) {
            return Optional.of(new StoredStatusList(listId, list.size, list.bits, list.bytes.clone(), list.allocated, list.version));
        }
    }

    @Override
    public OptionalLong version(String listId) {
        Entries list = live(listId);
        if (list == null) return OptionalLong.empty();
        synchronized (list) {
            return OptionalLong.of(list.version);
        }
    }

    @Override
    public Optional<String> currentList() {
        return Optional.ofNullable(current.get()).filter(id -> live(id) != null);
    }

    @Override
    public String switchCurrentList(String expected, String next) {
        current.compareAndSet(expected, next);
        return current.get();
    }

    @Override
    public long countLists() {
        purge();
        return lists.size();
    }

    private Entries live(String listId) {
        Entries list = listId == null ? null : lists.get(listId);
        return list == null || !clock.instant().isBefore(list.keepUntil) ? null : list;
    }

    private void purge() {
        Instant now = clock.instant();
        lists.values().removeIf(list -> !now.isBefore(list.keepUntil));
    }
}
