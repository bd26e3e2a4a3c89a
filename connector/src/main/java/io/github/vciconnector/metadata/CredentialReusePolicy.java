package io.github.vciconnector.metadata;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code credential_reuse_policy} of a credential configuration (ETSI TS 119 472-3 §4.2.4.2, ARF ISSU_39): how a
 * wallet may present the credentials of one issuance. One option, checked as the EUDI wallet library checks it, so a
 * policy the connector publishes is one an EUDI wallet accepts.
 *
 * @param id                         the policy id, {@value #ARF_ANNEX_II} for the ARF methods A to D
 * @param details                    the reuse methods: {@code once_only} or {@code limited_time} (one of them), plus
 *                                   optionally {@code rotating-batch} and {@code per-relying-party}
 * @param batchSize                  credentials per issuance; required with once_only, rotating-batch, per-relying-party
 * @param reissueTriggerUnused       unused credentials left that make the wallet ask again; required with once_only
 * @param reissueTriggerLifetimeLeft validity left that makes the wallet ask again; required with limited_time,
 *                                   rotating-batch, per-relying-party
 */
public record CredentialReusePolicy(String id, List<String> details, Integer batchSize, Integer reissueTriggerUnused,
                                    Duration reissueTriggerLifetimeLeft) {

    public static final String ARF_ANNEX_II = "arf_annex_ii";
    static final String ONCE_ONLY = "once_only";
    static final String LIMITED_TIME = "limited_time";
    static final String ROTATING_BATCH = "rotating-batch";
    static final String PER_RELYING_PARTY = "per-relying-party";
    private static final Set<String> METHODS = Set.of(ONCE_ONLY, LIMITED_TIME, ROTATING_BATCH, PER_RELYING_PARTY);

    public CredentialReusePolicy {
        if (id == null || !id.matches("[A-Za-z0-9_.:-]{1,64}")) throw new IllegalArgumentException("reuse policy id must be 1-64 of A-Z a-z 0-9 _ . : -");
        details = List.copyOf(details);
        if (details.isEmpty()) throw new IllegalArgumentException("reuse policy details must not be empty");
        for (String method : details) {
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("reuse policy details must be among once_only, limited_time, rotating-batch, per-relying-party");
            }
        }
        if (details.contains(ONCE_ONLY) == details.contains(LIMITED_TIME)) {
            throw new IllegalArgumentException("reuse policy details must hold exactly one of once_only and limited_time");
        }
        boolean batched = details.contains(ONCE_ONLY) || details.contains(ROTATING_BATCH) || details.contains(PER_RELYING_PARTY);
        if (batched && (batchSize == null || batchSize < 1)) throw new IllegalArgumentException("reuse policy batch-size must be set and positive");
        if (details.contains(ONCE_ONLY)) {
            if (reissueTriggerUnused == null || reissueTriggerUnused < 0 || reissueTriggerUnused >= batchSize) {
                throw new IllegalArgumentException("reuse policy reissue-trigger-unused must be set, at least 0 and below batch-size");
            }
        }
        boolean timed = details.contains(LIMITED_TIME) || details.contains(ROTATING_BATCH) || details.contains(PER_RELYING_PARTY);
        if (timed && (reissueTriggerLifetimeLeft == null || reissueTriggerLifetimeLeft.getSeconds() < 1)) {
            throw new IllegalArgumentException("reuse policy reissue-trigger-lifetime-left must be set and at least 1s");
        }
    }

    /** The policy as {@code credential_metadata.credential_reuse_policy}: its id and its one option. */
    public Map<String, Object> toJSONObject() {
        var option = new LinkedHashMap<String, Object>();
        option.put("details", details);
        if (batchSize != null) option.put("batch_size", batchSize);
        if (reissueTriggerUnused != null) option.put("reissue_trigger_unused", reissueTriggerUnused);
        if (reissueTriggerLifetimeLeft != null) option.put("reissue_trigger_lifetime_left", reissueTriggerLifetimeLeft.getSeconds());
        var json = new LinkedHashMap<String, Object>();
        json.put("id", id);
        json.put("options", List.of(option));
        return json;
    }
}
