package io.github.vciconnector.session;

import io.github.vciconnector.session.StatusListStore.Allocation;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status lists port (DESIGN §9) on each adapter, as two replicas where the adapter has them: indices are handed
 * out once, even in a race, and a full list says so; entries are set in the TSL byte layout, the version counts
 * changes only; the current-list pointer is a compare-and-set.
 */
public abstract class StatusListStoreContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration KEEP = Duration.ofMinutes(5);

    /** The adapter as replica 0 or 1 (one shared state). */
    protected abstract StatusListStore store(int replica);

    protected static String newListId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    @Test
    void createWhenIdExistsThenFalse() {
        String id = newListId();
        assertThat(store(0).create(id, 64, 1, KEEP)).isTrue();
        assertThat(store(1).create(id, 64, 1, KEEP)).isFalse();
    }

    @Test
    void readWhenCreatedThenAllValidNoneHandedOut() {
        String id = newListId();
        store(0).create(id, 64, 2, KEEP);
        var stored = store(1).read(id).orElseThrow();
        assertThat(stored.size()).isEqualTo(64);
        assertThat(stored.bits()).isEqualTo(2);
        assertThat(stored.bytes()).hasSize(16).containsOnly(0);
        assertThat(stored.allocated()).isZero();
        assertThat(stored.version()).isZero();
    }

    @Test
    void allocateWhenCandidateFreeThenThatIndex() {
        String id = newListId();
        store(0).create(id, 64, 1, KEEP);
        Allocation allocation = store(0).allocate(id, 2, 2, new int[]{5, 6, 40, 41}, KEEP).orElseThrow();
        assertThat(allocation.indices()).containsExactly(5, 40);
        assertThat(allocation.allocated()).isEqualTo(2);
        assertThat(allocation.size()).isEqualTo(64);
    }

    @Test
    void allocateWhenCandidatesTakenThenNextFreeOtherwiseUnique() {
        String id = newListId();
        store(0).create(id, 64, 1, KEEP);
        store(0).allocate(id, 1, 1, new int[]{9}, KEEP);
        Allocation again = store(1).allocate(id, 1, 2, new int[]{9, 9}, KEEP).orElseThrow();
        assertThat(again.indices()).hasSize(1).doesNotContain(9);
        assertThat(again.indices().get(0)).isBetween(0, 63);
    }

    @Test
    void allocateWhenListFillsThenFewerAndEveryIndexOnce() {
        String id = newListId();
        store(0).create(id, 16, 1, KEEP);
        var all = new ArrayList<Integer>();
        for (int i = 0; i < 5; i++) {
            all.addAll(store(i % 2).allocate(id, 4, 1, new int[]{3, 3, 3, 3}, KEEP).orElseThrow().indices());
        }
        assertThat(all).hasSize(16).doesNotHaveDuplicates().allSatisfy(index -> assertThat(index).isBetween(0, 15));
        Allocation full = store(0).allocate(id, 1, 1, new int[]{0}, KEEP).orElseThrow();
        assertThat(full.indices()).isEmpty();
        assertThat(full.allocated()).isEqualTo(16);
    }

    @Test
    void allocateWhenNoSuchListThenEmpty() {
        assertThat(store(0).allocate(newListId(), 1, 1, new int[]{0}, KEEP)).isEmpty();
    }

    /** Issue 12: concurrent issuance on both replicas never hands out an index twice. */
    @Test
    void allocateWhenRacingOnBothReplicasThenNoIndexTwice() {
        String id = newListId();
        store(0).create(id, 512, 1, KEEP);
        List<List<Integer>> results = Race.run(16, caller -> {
            var mine = new ArrayList<Integer>();
            var random = new SecureRandom();
            for (int round = 0; round < 8; round++) {
                int[] candidates = new int[3 * 2];
                for (int i = 0; i < candidates.length; i++) candidates[i] = random.nextInt(512);
                mine.addAll(store(caller).allocate(id, 3, 2, candidates, KEEP).orElseThrow().indices());
            }
            return mine;
        });
        Set<Integer> seen = new HashSet<>();
        int total = 0;
        for (List<Integer> result : results) {
            total += result.size();
            seen.addAll(result);
        }
        assertThat(total).isEqualTo(16 * 8 * 3);
        assertThat(seen).hasSize(total);
        assertThat(store(1).read(id).orElseThrow().allocated()).isEqualTo(total);
    }

    /** TSL-3: entry i at bits i*bits.., counted from the least significant bit of each byte. */
    @Test
    void setStatusWhenWrittenThenTslLayoutAndVersionCountsChanges() {
        String one = newListId();
        store(0).create(one, 64, 1, KEEP);
        assertThat(store(0).setStatus(one, List.of(0, 9, 63), 1)).hasValue(1);
        assertThat(store(1).read(one).orElseThrow().bytes()).containsExactly(0x01, 0x02, 0, 0, 0, 0, 0, 0x80);
        assertThat(store(1).setStatus(one, List.of(9), 1)).as("no change, no new version").hasValue(1);
        assertThat(store(0).version(one)).hasValue(1);

        String two = newListId();
        store(0).create(two, 16, 2, KEEP);
        store(0).setStatus(two, List.of(1, 6), 1);
        assertThat(store(1).read(two).orElseThrow().bytes()).containsExactly(0x04, 0x10, 0, 0);
        String eight = newListId();
        store(0).create(eight, 16, 8, KEEP);
        store(0).setStatus(eight, List.of(2), 1);
        assertThat(store(1).read(eight).orElseThrow().bytes()[2]).isEqualTo((byte) 1);
    }

    @Test
    void setStatusWhenNoSuchListThenEmpty() {
        assertThat(store(0).setStatus(newListId(), List.of(1), 1)).isEmpty();
        assertThat(store(0).version(newListId())).isEmpty();
        assertThat(store(0).read(newListId())).isEmpty();
    }

    @Test
    void switchCurrentListWhenExpectedMatchesThenSwitchedElseWinnerKept() {
        String first = newListId();
        String second = newListId();
        String current = store(0).currentList().orElse(null);
        assertThat(store(0).switchCurrentList(current, first)).isEqualTo(first);
        assertThat(store(1).switchCurrentList(current, second)).as("lost the race").isEqualTo(first);
        assertThat(store(1).switchCurrentList(first, second)).isEqualTo(second);
    }
}
