package dev.bmcagent.ipmi.fru;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A FRU inventory image (IPMI FRU Information Storage Definition v1.0): an 8-byte common header (§8), a
 * chassis info area (§10), a board info area (§11) and a product info area (§12). Every area and the header
 * are padded to multiples of 8 bytes and end with a zero checksum (§16.2: all bytes sum to 0 modulo 256).
 */
public final class FruImage {
    /** Board manufacturing time counts minutes from 1996-01-01 00:00 UTC (§11, byte 3). */
    static final Instant FRU_EPOCH = Instant.parse("1996-01-01T00:00:00Z");

    private static final int FORMAT_VERSION = 0x01;
    private static final int LANGUAGE_ENGLISH = 0x00;
    private static final int END_OF_FIELDS = 0xC1;
    private static final int TYPE_ASCII_8BIT = 0xC0;

    private final byte[] bytes;

    private FruImage(byte[] bytes) {
        this.bytes = bytes;
    }

    public static FruImage of(FruInventory inv) {
        byte[] chassis = area(
                new byte[] {FORMAT_VERSION, 0, (byte) inv.chassisType()}, inv.chassisPartNumber(), inv.chassisSerial());
        long minutes = Duration.between(FRU_EPOCH, inv.boardManufactured()).toMinutes();
        if (minutes < 0 || minutes > 0xFFFFFF) {
            throw new IllegalArgumentException("board manufacturing time out of range");
        }
        byte[] board = area(
                new byte[] {
                    FORMAT_VERSION, 0, LANGUAGE_ENGLISH, (byte) minutes, (byte) (minutes >> 8), (byte) (minutes >> 16)
                },
                inv.boardManufacturer(),
                inv.boardProduct(),
                inv.boardSerial(),
                inv.boardPartNumber(),
                "");
        byte[] product = area(
                new byte[] {FORMAT_VERSION, 0, LANGUAGE_ENGLISH},
                inv.productManufacturer(),
                inv.productName(),
                inv.productPartNumber(),
                inv.productVersion(),
                inv.productSerial(),
                inv.assetTag(),
                "");
        byte[] header = new byte[8];
        header[0] = FORMAT_VERSION; // common header format version
        header[1] = 0; // internal use area: absent
        header[2] = 1; // chassis info area offset (x 8 bytes)
        header[3] = (byte) (1 + chassis.length / 8); // board area offset
        header[4] = (byte) (1 + (chassis.length + board.length) / 8); // product area offset
        header[5] = 0; // multirecord area: absent
        header[6] = 0; // pad
        header[7] = checksum(header, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(chassis);
        out.writeBytes(board);
        out.writeBytes(product);
        return new FruImage(out.toByteArray());
    }

    /** Fixed bytes, the type/length-coded fields, C1h, zero padding, checksum; byte 1 = length / 8. */
    private static byte[] area(byte[] fixed, String... fields) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(fixed);
        for (String f : fields) {
            byte[] ascii = field(f);
            b.write(TYPE_ASCII_8BIT | ascii.length);
            b.writeBytes(ascii);
        }
        b.write(END_OF_FIELDS);
        int size = (b.size() + 1 + 7) / 8 * 8;
        byte[] area = new byte[size];
        byte[] written = b.toByteArray();
        System.arraycopy(written, 0, area, 0, written.length);
        area[1] = (byte) (size / 8);
        area[size - 1] = checksum(area, size - 1);
        return area;
    }

    /** 8-bit ASCII, at most 63 bytes; a 1-byte field would read as C1h (end of fields), so it gets a space. */
    private static byte[] field(String s) {
        byte[] ascii = s.getBytes(StandardCharsets.ISO_8859_1);
        if (ascii.length > 63) {
            throw new IllegalArgumentException("FRU field longer than 63 bytes: " + s);
        }
        return ascii.length == 1 ? (s + " ").getBytes(StandardCharsets.ISO_8859_1) : ascii;
    }

    /** Zero checksum of the first {@code n} bytes (§16.2). */
    static byte checksum(byte[] b, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += b[i] & 0xFF;
        }
        return (byte) -sum;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }
}
