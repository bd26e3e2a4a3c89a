package io.github.vciconnector.keys;

import com.nimbusds.jose.util.Base64URL;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The entries of one Token Status List in the byte layout of TSL §4.1 (TSL-3): entry {@code i} occupies
 * {@code bits} bits starting at bit {@code i * bits}, counted from the least significant bit of each byte. One layout
 * for both sides: the lists the connector issues ({@code status}) and the lists of attestations it checks
 * ({@link StatusListToken}).
 */
public final class StatusList {

    /** TSL §7.1: the status values the connector writes. */
    public static final int VALID = 0x00;
    public static final int INVALID = 0x01;

    private final int bits;
    private final byte[] bytes;

    public StatusList(int bits, byte[] bytes) {
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) throw new IllegalArgumentException("bits must be 1, 2, 4 or 8");
        this.bits = bits;
        this.bytes = bytes.clone();
    }

    public int bits() {
        return bits;
    }

    public int size() {
        return bytes.length * 8 / bits;
    }

    public int get(int index) {
        int bit = index * bits;
        return (bytes[bit / 8] >>> (bit % 8)) & ((1 << bits) - 1);
    }

    /** {@code lst} of TSL-2: the bytes compressed with DEFLATE in the ZLIB format (RFC 1950), base64url without padding. */
    public String lst() {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            var out = new ByteArrayOutputStream(Math.max(64, bytes.length / 8));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
            return Base64URL.encode(out.toByteArray()).toString();
        } finally {
            deflater.end();
        }
    }

    /**
     * The list a {@code lst} of TSL-2 carries, inflating at most {@code maxBytes}: the input is another party's.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code lst}, for the caller to report
     */
    public static StatusList fromLst(int bits, String lst, int maxBytes) {
        var inflater = new Inflater();
        try {
            inflater.setInput(new Base64URL(lst).decode());
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new IllegalArgumentException("lst is truncated");
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) throw new IllegalArgumentException("is too large");
            }
            return new StatusList(bits, out.toByteArray());
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("lst is not zlib data");
        } finally {
            inflater.end();
        }
    }
}
