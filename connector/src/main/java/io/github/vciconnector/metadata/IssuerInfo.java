package io.github.vciconnector.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code issuer_info} of the issuer metadata (ETSI TS 119 472-3 §4.2.3, shaped like OpenID4VP's {@code verifier_info}):
 * attestations about the issuer, here its registration certificate with {@code format} {@code registration_cert} and
 * the certificate by value in {@code data}. Newer EUDI wallets that apply a registration-certificate policy look for
 * exactly one such entry (standards.md EUDI-18).
 */
public record IssuerInfo(List<Entry> entries) {

    public static final String ISSUER_INFO = "issuer_info";
    public static final String REGISTRATION_CERT = "registration_cert";
    /** A JWT (compact JWS, rc-wrp+jwt) or a base64 CBOR/DER encoding: no spaces, no quotes, nothing to escape. */
    private static final Pattern ENCODED = Pattern.compile("[A-Za-z0-9_\\-.+/=]+");
    private static final int MAX_CHARS = 64 * 1024;

    public IssuerInfo {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) throw new IllegalArgumentException("issuer_info must not be empty");
    }

    /** One attestation: its {@code format} and its {@code data}. */
    public record Entry(String format, String data) {
        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            json.put("format", format);
            json.put("data", data);
            return json;
        }
    }

    /**
     * Reads the registration certificate once, at startup.
     *
     * @return null when no file is configured
     * @throws IllegalStateException naming the variable when the file is missing, empty or not one encoded value
     */
    public static IssuerInfo load(IssuerInfoProperties properties) {
        Path file = properties.registrationCertificatePath();
        if (file == null) return null;
        String variable = IssuerInfoProperties.REGISTRATION_CERTIFICATE_VARIABLE;
        String certificate;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_CHARS) {
                throw new IllegalStateException(variable + ": file does not exist or is larger than 64 KB");
            }
            certificate = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException) throw (IllegalStateException) e;
            throw new IllegalStateException(variable + ": file cannot be read as ASCII text");
        }
        if (certificate.isEmpty() || !ENCODED.matcher(certificate).matches()) {
            throw new IllegalStateException(variable + ": the file must hold the registration certificate as one encoded value "
                    + "(a compact JWT or base64), nothing else");
        }
        return new IssuerInfo(List.of(new Entry(REGISTRATION_CERT, certificate)));
    }

    public List<Object> toJSONArray() {
        return entries.stream().map(entry -> (Object) entry.toJSONObject()).toList();
    }
}
