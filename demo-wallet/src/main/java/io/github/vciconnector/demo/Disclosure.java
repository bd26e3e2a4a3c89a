package io.github.vciconnector.demo;

/**
 * One decoded SD-JWT Disclosure (RFC 9901 §4.2): {@code name} is null for an array-element Disclosure;
 * {@code digest} is base64url SHA-256 over the {@code encoded} string (SDJWT-6).
 */
public record Disclosure(String encoded, String digest, String salt, String name, Object value) {
}
