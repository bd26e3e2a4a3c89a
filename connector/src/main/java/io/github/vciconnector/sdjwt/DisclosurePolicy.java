package io.github.vciconnector.sdjwt;

import java.util.List;

/**
 * Decides, per claim path, whether the claim is issued as a Disclosure or in plaintext (TM-5). The path lists object
 * property names from the payload root, e.g. {@code ["address", "street"]}; it is never empty.
 */
@FunctionalInterface
public interface DisclosurePolicy {

    SelectiveDisclosure forPath(List<String> path);

    /** Every claim at every level becomes a Disclosure. */
    static DisclosurePolicy allDisclosable() {
        return path -> SelectiveDisclosure.ALWAYS;
    }
}
