package io.github.vciconnector.sdjwt;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONArrayUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An independent reading of a compact SD-JWT (RFC 9901 §4, §4.2.3): it uses only Nimbus JSON and the JDK, never the
 * issuer's own code or authlete, so the tests check the wire format rather than the implementation.
 */
final class TestSdJwts {

    private TestSdJwts() {
    }

    record DecodedDisclosure(String encoded, String salt, String name, Object value, String digest) {
    }

    record ParsedSdJwt(JWSObject jws, Map<String, Object> payload, List<DecodedDisclosure> disclosures,
                       String lastElement) {

        DecodedDisclosure disclosure(String name) {
            return disclosures.stream().filter(d -> name.equals(d.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no disclosure for " + name));
        }

        /** Every {@code _sd} digest in the payload and, recursively, inside disclosed values. */
        List<String> allSdDigests() {
            var digests = new ArrayList<String>();
            collectSd(payload, digests);
            for (DecodedDisclosure d : disclosures) collectSd(d.value(), digests);
            return digests;
        }
    }

    static ParsedSdJwt parse(String sdJwt) {
        // split with limit -1 keeps the trailing empty element that SDJWT-1 requires
        String[] parts = sdJwt.split("~", -1);
        try {
            JWSObject jws = JWSObject.parse(parts[0]);
            var disclosures = new ArrayList<DecodedDisclosure>();
            for (String encoded : Arrays.asList(parts).subList(1, parts.length - 1)) {
                List<Object> array = JSONArrayUtils.parse(new Base64URL(encoded).decodeToString());
                if (array.size() != 3) throw new AssertionError("object disclosure must have 3 elements");
                disclosures.add(new DecodedDisclosure(encoded, (String) array.get(0), (String) array.get(1),
                        array.get(2), digest(encoded)));
            }
            return new ParsedSdJwt(jws, jws.getPayload().toJSONObject(), disclosures, parts[parts.length - 1]);
        } catch (Exception e) {
            throw new AssertionError("not an SD-JWT", e);
        }
    }

    /** SDJWT-6: base64url(SHA-256(ASCII bytes of the encoded disclosure)). */
    static String digest(String encodedDisclosure) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(encodedDisclosure.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(hash).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectSd(Object value, List<String> digests) {
        if (value instanceof Map<?, ?> map) {
            Object sd = map.get("_sd");
            if (sd != null) digests.addAll((List<String>) sd);
            for (Object member : map.values()) if (member != sd) collectSd(member, digests);
        } else if (value instanceof List<?> list) {
            for (Object element : list) collectSd(element, digests);
        }
    }
}
