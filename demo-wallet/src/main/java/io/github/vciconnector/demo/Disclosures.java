package io.github.vciconnector.demo;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONArrayUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes Disclosures and applies them to an SD-JWT payload, recursively (RFC 9901 §7.1 holder processing). */
final class Disclosures {

    /** SDVC-4 / SDJWT-11: top-level claims a Disclosure must never carry. */
    private static final Set<String> NEVER_DISCLOSABLE =
            Set.of("iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status");

    private final List<Disclosure> all;
    private final Map<String, Disclosure> byDigest = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    private Disclosures(List<Disclosure> all) {
        this.all = List.copyOf(all);
        for (Disclosure d : all) {
            if (byDigest.put(d.digest(), d) != null) {
                throw new WalletException("the same Disclosure appears twice");
            }
        }
    }

    static Disclosures decode(List<String> encoded) {
        List<Disclosure> decoded = new ArrayList<>();
        for (String text : encoded) {
            decoded.add(decodeOne(text));
        }
        return new Disclosures(decoded);
    }

    List<Disclosure> all() {
        return all;
    }

    /** The payload with Disclosures inlined; fails when a Disclosure is unreferenced or referenced twice. */
    Map<String, Object> apply(Map<String, Object> payload) {
        Map<String, Object> claims = applyToObject(payload, true);
        claims.remove("_sd_alg");
        if (used.size() != all.size()) {
            throw new WalletException("a Disclosure matches no digest in the SD-JWT");
        }
        return claims;
    }

    static String digest(String encoded) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(encoded.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(hash).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private Map<String, Object> applyToObject(Map<String, Object> object, boolean topLevel) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            if (!"_sd".equals(entry.getKey())) {
                result.put(entry.getKey(), applyToValue(entry.getValue()));
            }
        }
        Object sd = object.get("_sd");
        if (sd == null) {
            return result;
        }
        if (!(sd instanceof List<?> digests)) {
            throw new WalletException("_sd is not an array");
        }
        for (Object digest : digests) {
            if (!(digest instanceof String)) {
                throw new WalletException("_sd holds a non-string digest");
            }
            Disclosure d = take((String) digest);
            if (d == null) {
                continue; // a decoy digest (SDJWT-10)
            }
            if (d.name() == null) {
                throw new WalletException("array-element Disclosure referenced from _sd");
            }
            if (topLevel && NEVER_DISCLOSABLE.contains(d.name())) {
                throw new WalletException("claim " + d.name() + " must not be selectively disclosable");
            }
            if (result.containsKey(d.name())) {
                throw new WalletException("disclosed claim " + d.name() + " already present");
            }
            result.put(d.name(), applyToValue(d.value()));
        }
        return result;
    }

    private Object applyToValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return applyToObject(object, false);
        }
        if (!(value instanceof List<?> list)) {
            return value;
        }
        List<Object> result = new ArrayList<>();
        for (Object element : list) {
            if (element instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("...")) {
                if (!(map.get("...") instanceof String digest)) {
                    throw new WalletException("array digest is not a string");
                }
                Disclosure d = take(digest);
                if (d != null && d.name() != null) {
                    throw new WalletException("object-property Disclosure referenced from an array");
                }
                if (d != null) {
                    result.add(applyToValue(d.value()));
                }
            } else {
                result.add(applyToValue(element));
            }
        }
        return result;
    }

    private Disclosure take(String digest) {
        Disclosure d = byDigest.get(digest);
        if (d != null && !used.add(digest)) {
            throw new WalletException("a digest is referenced twice");
        }
        return d;
    }

    private static Disclosure decodeOne(String encoded) {
        List<Object> array;
        try {
            array = JSONArrayUtils.parse(new Base64URL(encoded).decodeToString());
        } catch (ParseException | RuntimeException e) {
            throw new WalletException("a Disclosure is not a base64url JSON array", e);
        }
        if (array.size() < 2 || array.size() > 3 || !(array.get(0) instanceof String salt)) {
            throw new WalletException("a Disclosure is not [salt, name, value] or [salt, value]");
        }
        if (array.size() == 2) {
            return new Disclosure(encoded, digest(encoded), salt, null, array.get(1));
        }
        if (!(array.get(1) instanceof String name) || "_sd".equals(name) || "...".equals(name)) {
            throw new WalletException("a Disclosure has an invalid claim name");
        }
        return new Disclosure(encoded, digest(encoded), salt, name, array.get(2));
    }
}
