package dev.bmcagent.ipmi.lan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireWriterTest {
    @Test
    void writesLittleEndianFieldsInOrder() {
        byte[] out = new WireWriter()
                .u8(0x1FF)
                .u16le(0xBEEF)
                .u32le(0x01020304)
                .bytes(new byte[] {9, 8})
                .zeros(2)
                .toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xEF, (byte) 0xBE, 4, 3, 2, 1, 9, 8, 0, 0}, out);
    }

    @Test
    void growsPastItsFirstArrayWithoutLosingBytes() {
        WireWriter w = new WireWriter();
        byte[] expected = new byte[1000];
        for (int i = 0; i < 300; i++) {
            w.u8(i);
            expected[i] = (byte) i;
        }
        byte[] block = new byte[500];
        Arrays.fill(block, (byte) 7);
        w.bytes(block);
        System.arraycopy(block, 0, expected, 300, 500);
        w.zeros(200);
        assertEquals(1000, w.size());
        assertArrayEquals(expected, w.toByteArray());
        assertEquals(1000, w.toByteArray().length, "the array is the bytes written, not the buffer");
    }

    @Test
    void aNegativeRunOfZerosIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().zeros(-1));
    }
}
