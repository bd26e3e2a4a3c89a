package io.github.vciconnector.web.error;

/** Keeps error descriptions inside the RFC 6749 §5.2 / OID4VCI §8.3.1.2 character set (VCI-ERR-3, VCI-TOK-12). */
final class ErrorText {

    private static final int MAX_LENGTH = 200;

    private ErrorText() {
    }

    static String safe(String text) {
        if (text == null) return "";
        var out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
            out.append(allowed ? c : '?');
        }
        return out.toString();
    }
}
