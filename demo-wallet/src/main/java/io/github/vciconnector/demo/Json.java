package io.github.vciconnector.demo;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to parsed JSON objects that turns type errors into {@link WalletException}s naming the member. */
final class Json {

    private Json() {
    }

    static Map<String, Object> parse(String text, String what) {
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new WalletException(what + " is not a JSON object", e);
        }
    }

    static String string(Map<String, Object> json, String name, boolean required) {
        try {
            String value = JSONObjectUtils.getString(json, name);
            if (value == null && required) {
                throw new WalletException("missing " + name);
            }
            return value;
        } catch (ParseException e) {
            throw new WalletException(name + " is not a string", e);
        }
    }

    static Map<String, Object> object(Map<String, Object> json, String name, boolean required) {
        try {
            Map<String, Object> value = JSONObjectUtils.getJSONObject(json, name);
            if (value == null && required) {
                throw new WalletException("missing " + name);
            }
            return value;
        } catch (ParseException e) {
            throw new WalletException(name + " is not a JSON object", e);
        }
    }

    static List<String> stringList(Map<String, Object> json, String name) {
        try {
            List<String> value = JSONObjectUtils.getStringList(json, name);
            if (value == null || value.isEmpty()) {
                throw new WalletException("missing or empty " + name);
            }
            return value;
        } catch (ParseException e) {
            throw new WalletException(name + " is not an array of strings", e);
        }
    }

    /** An unmodifiable copy that, unlike {@code Map.copyOf}, tolerates JSON null values. */
    static Map<String, Object> copy(Map<String, Object> json) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(json));
    }
}
