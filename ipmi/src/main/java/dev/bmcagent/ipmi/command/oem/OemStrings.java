package dev.bmcagent.ipmi.command.oem;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The strings of the OEM boot-order commands (30h/11h descriptions, 30h/12h patterns): a length byte, then that many
 * printable ASCII bytes (20h-7Eh). One codec for both ends: the BMC's handlers and the simulated host fill and read
 * chunks with it (docs/HOST-INTERFACE.md "OEM commands").
 */
public final class OemStrings {
    /** Longest string a length byte can announce. */
    public static final int MAX_LENGTH = 0xFF;

    private OemStrings() {}

    /** How many of {@code strings}, from index {@code from}, fit whole in {@code room} bytes (0 if the next does not). */
    public static int fitting(List<String> strings, int from, int room) {
        int used = 0;
        int n = 0;
        for (int i = from; i < strings.size(); i++) {
            int len = ascii(strings.get(i)).length;
            if (len > MAX_LENGTH || used + 1 + len > room) {
                break;
            }
            used += 1 + len;
            n++;
        }
        return n;
    }

    /** Appends each string as its length byte and ASCII bytes. */
    public static void write(ByteArrayOutputStream out, List<String> strings) {
        for (String s : strings) {
            byte[] b = ascii(s);
            if (b.length > MAX_LENGTH) {
                throw new IllegalArgumentException("string longer than " + MAX_LENGTH + " bytes: " + s);
            }
            out.write(b.length);
            out.write(b, 0, b.length);
        }
    }

    /** (length, ASCII) strings from {@code from} to the end of the data. Truncated: C7h; not printable ASCII: CCh. */
    public static List<String> decode(byte[] d, int from) {
        List<String> out = new ArrayList<>();
        int at = from;
        while (at < d.length) {
            int len = d[at] & 0xFF;
            if (at + 1 + len > d.length) {
                throw new IpmiException(CompletionCode.INVALID_LENGTH, "string list truncated");
            }
            for (int j = at + 1; j < at + 1 + len; j++) {
                if (d[j] < 0x20 || d[j] > 0x7E) {
                    throw new IpmiException(CompletionCode.INVALID_DATA_FIELD, "not printable ASCII");
                }
            }
            out.add(new String(d, at + 1, len, StandardCharsets.US_ASCII));
            at += 1 + len;
        }
        return List.copyOf(out);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
