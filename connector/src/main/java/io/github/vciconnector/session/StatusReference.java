package io.github.vciconnector.session;

/**
 * Where one issued credential's status lives: its Token Status List and its index there (TSL-1, DESIGN §9). Kept
 * with the offer after its claims are deleted, for as long as the credential is valid, so it can be revoked; it says
 * nothing about the holder.
 *
 * @param list  the status list id, {@link StatusListStore#isListId the store's id syntax}
 * @param idx   the index in that list (the wire name of TSL-1)
 */
public record StatusReference(String list, int idx) {

    public StatusReference {
        if (!StatusListStore.isListId(list)) throw new IllegalArgumentException("not a status list id");
        if (idx < 0) throw new IllegalArgumentException("status list index must not be negative");
    }
}
