package dev.bmcagent.ipmi.fru;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.TestBmc;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** FRU Information Storage Definition v1.0: header, areas, type/length bytes and zero checksums. */
class FruImageTest {
    private final byte[] image = FruImage.of(TestBmc.fruInventory()).bytes();

    private static int sum(byte[] b, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += b[i] & 0xFF;
        }
        return s & 0xFF;
    }

    @Test
    void headerAndEveryAreaChecksumToZero() {
        assertEquals(0, sum(image, 0, 8), "common header");
        for (int headerByte = 2; headerByte <= 4; headerByte++) {
            int start = (image[headerByte] & 0xFF) * 8;
            int length = (image[start + 1] & 0xFF) * 8; // area byte 2: length in multiples of 8
            assertEquals(1, image[start], "area format version");
            assertEquals(0, sum(image, start, start + length), "area at " + start);
        }
        assertEquals(168, image.length);
    }

    @Test
    void boardAreaFields() {
        int board = (image[3] & 0xFF) * 8;
        // minutes since 1996-01-01: 2025-06-07T08:09Z
        long minutes = java.time.Duration.between(FruImage.FRU_EPOCH, Instant.parse("2025-06-07T08:09:00Z"))
                .toMinutes();
        assertEquals(
                minutes, (image[board + 3] & 0xFF) | (image[board + 4] & 0xFF) << 8 | (image[board + 5] & 0xFF) << 16);
        assertEquals(0xC0 | 15, image[board + 6] & 0xFF); // 8-bit ASCII, 15 bytes
        assertEquals("Example Systems", new String(image, board + 7, 15, StandardCharsets.US_ASCII));
    }

    @Test
    void oneCharacterFieldIsPaddedSoItIsNotTheEndMarker() {
        FruInventory inv = new FruInventory(
                0x17, "", "", Instant.parse("1996-01-01T00:00:00Z"), "X", "", "", "", "", "", "", "", "", "");
        byte[] b = FruImage.of(inv).bytes();
        int board = (b[3] & 0xFF) * 8;
        assertEquals(0xC2, b[board + 6] & 0xFF); // "X " rather than C1h
    }
}
