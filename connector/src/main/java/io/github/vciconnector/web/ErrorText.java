package io.github.vciconnector.web;

/**
 * Keeps error texts on both ports inside the RFC 6749 §5.2 / OID4VCI §8.3.1.2 character set (VCI-ERR-3, VCI-TOK-12):
 * printable ASCII without quotes or backslashes, at most 200 characters. Error texts may echo input names.
 */
public final class ErrorText {

    private static final int MAX_LENGTH = 200;

    private ErrorText() {
    }

    /** The text with every character outside that set replaced by {@code ?}; null stays null. */
    public static String safe(String text) {
        if (text == null) return null;
        var out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
            out.append(allowed ? c : '?');
        }
        return out.toString();
    }
}
