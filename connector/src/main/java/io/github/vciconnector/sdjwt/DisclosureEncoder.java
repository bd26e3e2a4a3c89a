package io.github.vciconnector.sdjwt;

import com.authlete.sd.Disclosure;
import com.authlete.sd.SDObjectBuilder;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns validated claims into an SD-JWT payload object plus its Disclosures (RFC 9901 §4.2), recursing into nested
 * objects. authlete's builder computes SHA-256 digests over the encoded Disclosure (SDJWT-6) and sorts {@code _sd},
 * which hides the claim order (SDJWT-7).
 */
final class DisclosureEncoder {

    // SDJWT-8: at least 128 bits of CSPRNG output per salt
    private static final int SALT_BYTES = 16;
    private static final int MAX_DECOYS_PER_OBJECT = 2;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    DisclosureEncoder(SecureRandom random) {
        this.random = random;
    }

    /** The encoded object with {@code _sd} where needed, and every Disclosure it references (directly or nested). */
    record Encoded(Map<String, Object> object, List<Disclosure> disclosures) {
    }

    Encoded encode(Map<String, Object> claims, DisclosurePolicy policy) {
        var disclosures = new ArrayList<Disclosure>();
        Map<String, Object> object = encodeObject(claims, new String[0], policy, disclosures);
        return new Encoded(object, disclosures);
    }

    private Map<String, Object> encodeObject(Map<String, ?> object, String[] parentPath, DisclosurePolicy policy,
                                             List<Disclosure> disclosures) {
        var builder = new SDObjectBuilder();
        int disclosed = 0;
        for (Map.Entry<String, ?> claim : object.entrySet()) {
            String[] path = append(parentPath, claim.getKey());
            Object value = claim.getValue();
            if (value instanceof Map<?, ?> nested) {
                // the nested object's members are decided first; the rewritten object may then be disclosed as a whole
                @SuppressWarnings("unchecked") var members = (Map<String, ?>) nested;
                value = encodeObject(members, path, policy, disclosures);
            }
            if (requirePolicy(policy, path).disclosable()) {
                // own salt from the injected CSPRNG rather than authlete's static one: one configured source of randomness
                var disclosure = new Disclosure(salt(), claim.getKey(), value);
                builder.putSDClaim(disclosure);
                disclosures.add(disclosure);
                disclosed++;
            } else {
                builder.putClaim(claim.getKey(), value);
            }
        }
        // SDJWT-10: decoys only where _sd exists anyway, so an object without Disclosures keeps no _sd (SDVC-9)
        if (disclosed > 0) builder.putDecoyDigests(random.nextInt(MAX_DECOYS_PER_OBJECT + 1));
        return builder.build(false);
    }

    private static SelectiveDisclosure requirePolicy(DisclosurePolicy policy, String[] path) {
        SelectiveDisclosure sd = policy.forPath(List.of(path));
        if (sd == null) throw new IllegalStateException("disclosure policy returned no decision");
        return sd;
    }

    private String salt() {
        byte[] bytes = new byte[SALT_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static String[] append(String[] path, String name) {
        String[] longer = new String[path.length + 1];
        System.arraycopy(path, 0, longer, 0, path.length);
        longer[path.length] = name;
        return longer;
    }
}
