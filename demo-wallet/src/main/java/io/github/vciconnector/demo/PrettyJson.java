package io.github.vciconnector.demo;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Indented JSON for the demo output; Nimbus only serializes compactly. */
public final class PrettyJson {

    private PrettyJson() {
    }

    public static String format(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value instanceof Map<?, ?> map) {
            writeEntries(map.entrySet().iterator(), out, depth, '{', '}');
        } else if (value instanceof List<?> list) {
            writeEntries(list.iterator(), out, depth, '[', ']');
        } else if (value instanceof String text) {
            out.append(quote(text));
        } else {
            out.append(value); // numbers, booleans and null print as themselves
        }
    }

    private static void writeEntries(Iterator<?> entries, StringBuilder out, int depth, char open, char close) {
        out.append(open);
        if (!entries.hasNext()) {
            out.append(close);
            return;
        }
        while (entries.hasNext()) {
            out.append('\n').append("  ".repeat(depth + 1));
            Object entry = entries.next();
            if (entry instanceof Map.Entry<?, ?> e) {
                out.append(quote(String.valueOf(e.getKey()))).append(": ");
                write(e.getValue(), out, depth + 1);
            } else {
                write(entry, out, depth + 1);
            }
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        out.append('\n').append("  ".repeat(depth)).append(close);
    }

    /** JSON string literal; unlike Nimbus' Gson-based helper it does not HTML-escape '=' and '<'. */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
