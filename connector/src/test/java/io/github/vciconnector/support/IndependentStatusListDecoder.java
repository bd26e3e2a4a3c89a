package io.github.vciconnector.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a Status List Token the way a verifier does, sharing no code with the connector's encoder: the payload
 * decoded with {@link Base64}, {@code lst} inflated with {@link Inflater} (ZLIB, RFC 1950), the entry's bits picked
 * out by TSL §4.1 arithmetic (entry {@code i} at bit {@code i * bits}, from the least significant bit of each byte).
 */
public final class IndependentStatusListDecoder {

    private final int bits;
    private final byte[] entries;

    private IndependentStatusListDecoder(int bits, byte[] entries) {
        this.bits = bits;
        this.entries = entries;
    }

    /** From the {@code status_list} object's members. */
    public static IndependentStatusListDecoder of(int bits, String lst) {
        byte[] compressed = Base64.getUrlDecoder().decode(lst);
        var inflater = new Inflater(); // no "nowrap": the ZLIB header and checksum must be there
        inflater.setInput(compressed);
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new AssertionError("lst is truncated ZLIB data");
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new AssertionError("lst is not ZLIB data", e);
        } finally {
            inflater.end();
        }
        return new IndependentStatusListDecoder(bits, out.toByteArray());
    }

    /** The JSON of a compact JWS payload, decoded without any JOSE library. */
    public static String payloadJson(String compactJws) {
        return new String(Base64.getUrlDecoder().decode(compactJws.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    public int status(int index) {
        int bit = index * bits;
        int value = entries[bit / 8] & 0xFF;
        return (value >> (bit % 8)) & ((1 << bits) - 1);
    }

    /** How many entries the decoded bytes hold. */
    public int size() {
        return entries.length * 8 / bits;
    }
}
