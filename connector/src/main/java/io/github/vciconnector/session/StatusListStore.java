package io.github.vciconnector.session;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The status lists port (DESIGN §9, checklist P), used by {@code status} only: the entries of each Token Status List,
 * which of them are handed out, a change counter per list, and the pointer to the list new credentials draw from.
 * Implementations must be safe across replicas: {@link #allocate} never hands one index out twice, and every write
 * touches the keys of one list only (Redis Cluster: one hash slot per list); the pointer is a key of its own.
 */
public interface StatusListStore {

    /** 22 base64url characters: 128 random bits ({@code RandomTokens.mint(16)}). */
    Pattern LIST_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    static boolean isListId(String value) {
        return value != null && LIST_ID.matcher(value).matches();
    }

    /** Creates an empty list: every entry 0x00 (VALID, TSL-8), none handed out; false when the id exists. */
    boolean create(String listId, int size, int bits, Duration keepFor);

    /**
     * Hands out up to {@code count} free indices of the list, atomically. For credential {@code c} it takes the first
     * of {@code candidates[c*k .. c*k+k-1]} that is free (the caller draws them at random); when all of them are taken,
     * the first free index from the byte of the last of them on, wrapping round. Fewer than {@code count} (possibly
     * none) when the list fills up. The list is kept at least {@code keepFor} from now.
     *
     * @return the indices handed out, or empty when there is no such list
     */
    Optional<Allocation> allocate(String listId, int count, int k, int[] candidates, Duration keepFor);

    /**
     * Sets each entry to {@code value} unless it already holds it, and counts the list's version up once when any
     * changed. Irreversible by use: the connector only ever writes 0x01 (INVALID).
     *
     * @return the version after the write, or empty when there is no such list
     */
    OptionalLong setStatus(String listId, Collection<Integer> indices, int value);

    /** The whole list as stored, or empty. */
    Optional<StoredStatusList> read(String listId);

    /** The version (change counter) alone: the cheap check replicas poll before re-rendering. */
    OptionalLong version(String listId);

    /** The list new credentials draw from, or empty before the first one. */
    Optional<String> currentList();

    /**
     * Points {@code current} to {@code next} if it still names {@code expected} ({@code null}: no list yet), one
     * single-key compare-and-set; returns the list it names afterwards (the winner's when another replica was first).
     */
    String switchCurrentList(String expected, String next);

    /** How many lists exist (for the health check of {@code connector.status-list.max-lists}). */
    long countLists();

    /** Outcome of {@link #allocate}: the indices and how many entries of the list are handed out in all. */
    record Allocation(List<Integer> indices, int allocated, int size) {
        public Allocation {
            indices = List.copyOf(indices);
        }
    }

    /** One list as stored: the status bytes in the TSL layout (TSL-3), its geometry and version. */
    record StoredStatusList(String listId, int size, int bits, byte[] bytes, int allocated, long version) {
    }
}
