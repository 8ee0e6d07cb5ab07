package dev.bmcagent.ipmi.command.sysinfo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A string parameter of Set/Get System Info Parameters (IPMI 2.0 §22.14a, Table 22-16a): its encoding (bits 3:0 of
 * the first block's encoding byte: 0 ASCII+Latin-1, 1 UTF-8, 2 UNICODE i.e. UTF-16LE) and its bytes (at most 255,
 * the length byte's range).
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record SystemInfoString(int encoding, byte[] bytes) {
    public static final int ASCII_LATIN1 = 0;
    public static final int UTF8 = 1;
    public static final int UNICODE = 2;
    public static final int MAX_LENGTH = 255;

    public SystemInfoString {
        if (encoding < 0 || encoding > UNICODE) {
            throw new IllegalArgumentException("encoding " + encoding);
        }
        bytes = bytes.clone();
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than 255 bytes");
        }
    }

    public static SystemInfoString utf8(String text) {
        return new SystemInfoString(UTF8, text.getBytes(StandardCharsets.UTF_8));
    }

    public static SystemInfoString ascii(String text) {
        return new SystemInfoString(ASCII_LATIN1, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The text, decoded per encoding, trailing NULs removed (hosts pad blocks with zeros). */
    public String text() {
        Charset cs = switch (encoding) {
            case UTF8 -> StandardCharsets.UTF_8;
            case UNICODE -> StandardCharsets.UTF_16LE;
            default -> StandardCharsets.ISO_8859_1;
        };
        return new String(bytes, cs).replaceAll("\u0000+$", "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SystemInfoString s && s.encoding == encoding && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * encoding + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SystemInfoString[" + encoding + ", " + text() + "]";
    }
}
