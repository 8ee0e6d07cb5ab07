package dev.bmcagent.ipmi.command.chassis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The boot initiator mailbox, boot option parameter 7 (IPMI 2.0 §28.13 table 28-14): 16-byte blocks selected by the
 * set selector; block 0 starts with the IANA enterprise number (3 bytes, LS byte first) of whoever defines the
 * content. The agent uses it to hand the host the Redfish {@code Boot.HttpBootUri}: block 0 = IANA {@link #IANA}
 * (0, "none", as the BMC's own Get Device ID manufacturer), then the URI in ASCII and a 00h terminator, continued in
 * blocks 1, 2... — the layout {@code ipmitool chassis bootmbox set text 0 "<uri>"} writes. Pure.
 */
public final class BootMailbox {
    /** Bytes per block. */
    public static final int BLOCK = 16;
    /** IANA enterprise number in block 0: 0 (none), as the BMC's Get Device ID manufacturer ID. */
    public static final int IANA = 0;
    /** Bytes of the IANA enterprise number at the start of block 0. */
    public static final int IANA_BYTES = 3;
    /** The longest URI carried: Redfish HttpBootUri's PATCH limit. */
    public static final int MAX_URI = 2048;
    /** Blocks kept per host: IANA + the longest URI + its terminator, ⌈(3 + 2048 + 1) / 16⌉ = 129 (spec minimum 5). */
    public static final int BLOCKS = (IANA_BYTES + MAX_URI + 1 + BLOCK - 1) / BLOCK;
    /** Size of the whole mailbox. */
    public static final int SIZE = BLOCKS * BLOCK;

    private BootMailbox() {}

    /** The whole mailbox content for {@code uri} (zero-padded to {@link #SIZE}); all zero for an empty URI. */
    public static byte[] encodeUri(String uri) {
        byte[] out = new byte[SIZE];
        if (uri.isEmpty()) {
            return out;
        }
        byte[] text = uri.getBytes(StandardCharsets.US_ASCII);
        if (text.length > MAX_URI || !printable(text)) {
            throw new IllegalArgumentException("not a printable ASCII URI of at most " + MAX_URI + " bytes");
        }
        out[0] = (byte) IANA;
        out[1] = (byte) (IANA >>> 8);
        out[2] = (byte) (IANA >>> 16);
        System.arraycopy(text, 0, out, IANA_BYTES, text.length); // the terminator: the zero after it
        return out;
    }

    /**
     * The URI in a mailbox read from block 0 on (any length, e.g. only the blocks read so far): empty unless block 0
     * carries {@link #IANA} and printable ASCII follows up to a 00h terminator within {@code content}.
     */
    public static Optional<String> decodeUri(byte[] content) {
        if (content.length <= IANA_BYTES || iana(content) != IANA) {
            return Optional.empty();
        }
        int end = IANA_BYTES;
        while (end < content.length && content[end] != 0) {
            end++;
        }
        if (end == content.length || end == IANA_BYTES) {
            return Optional.empty();
        }
        byte[] text = Arrays.copyOfRange(content, IANA_BYTES, end);
        return printable(text) ? Optional.of(new String(text, StandardCharsets.US_ASCII)) : Optional.empty();
    }

    /** Whether {@code content} (from block 0 on) holds a 00h terminator after the IANA: nothing more to read. */
    public static boolean terminated(byte[] content) {
        for (int i = IANA_BYTES; i < content.length; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The IANA enterprise number at the start of block 0 (LS byte first). */
    public static int iana(byte[] block0) {
        return (block0[0] & 0xFF) | (block0[1] & 0xFF) << 8 | (block0[2] & 0xFF) << 16;
    }

    private static boolean printable(byte[] text) {
        for (byte b : text) {
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
