package dev.bmcagent.hostif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed input and fuzzing of the pure decoder (behaviour of OpenIPMI serial_ipmi.c vm_handle_char). */
class VmFrameDecoderTest {

    private static final class Collect implements VmFrameDecoder.Sink {
        final List<VmFrame> frames = new ArrayList<>();
        final List<VmDecodeError> errors = new ArrayList<>();

        @Override
        public void frame(VmFrame frame) {
            frames.add(frame);
        }

        @Override
        public void error(VmDecodeError error) {
            errors.add(error);
        }
    }

    private final VmFrameDecoder decoder = new VmFrameDecoder();
    private final Collect sink = new Collect();

    private void feed(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        decoder.decode(b, 0, b.length, sink);
    }

    private static final String GET_DEVICE_ID = "AA BA 18 01 3D A0";

    @Test
    void emptyFramesAreIgnored() {
        feed("A0 A1 A0 A0");
        assertTrue(sink.frames.isEmpty());
        assertTrue(sink.errors.isEmpty());
    }

    @Test
    void terminatorRightAfterEscapeDropsTheFrameAndResyncs() {
        feed("AA BA 18 01 AA A0" + GET_DEVICE_ID);
        assertEquals(List.of(VmDecodeError.ENDED_IN_ESCAPE), sink.errors);
        assertEquals(1, sink.frames.size());
    }

    @Test
    void badChecksumIsDropped() {
        feed("AA BA 18 01 3E A0");
        assertEquals(List.of(VmDecodeError.BAD_CHECKSUM), sink.errors);
        assertTrue(sink.frames.isEmpty());
    }

    @Test
    void messageShorterThanFourBytesIsDropped() {
        feed("18 01 E7 A0");
        assertEquals(List.of(VmDecodeError.TOO_SHORT), sink.errors);
    }

    @Test
    void oversizedFrameIsDiscardedUntilTheNextTerminator() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < VmFrameDecoder.MAX_FRAME_BYTES + 50; i++) {
            big.append("11");
        }
        feed(big + " A0 " + GET_DEVICE_ID);
        assertEquals(List.of(VmDecodeError.OVERSIZED), sink.errors);
        assertEquals(1, sink.frames.size());
    }

    @Test
    void largestFrameIsAccepted() {
        int dataLength = VmFrameDecoder.MAX_FRAME_BYTES - 4;
        VmMessage m = new VmMessage(1, 0x2E, 0, 0x10, new byte[dataLength]);
        byte[] wire = VmFrameEncoder.encode(m);
        decoder.decode(wire, 0, wire.length, sink);
        assertEquals(List.of(m), sink.frames);
    }

    @Test
    void escapedOrdinaryByteIsTakenWithBit4Cleared() {
        // vm_handle_char clears bit 4 of whatever follows AAh: AA 15 -> 05
        feed("05 A1");
        feed("AA 15 A1");
        assertEquals(List.of(VmControl.of(5), VmControl.of(5)), sink.frames);
    }

    @Test
    void frameSplitAcrossReadsIsReassembled() {
        for (String b : GET_DEVICE_ID.split(" ", -1)) {
            feed(b);
            if (!b.equals("A0")) {
                assertTrue(decoder.hasPartialFrame());
            }
        }
        assertEquals(1, sink.frames.size());
        assertFalse(decoder.hasPartialFrame());
    }

    @Test
    void fuzzedAndMutatedFramesNeverThrowAndValidFramesSurvive() {
        Random random = new Random(0x5EED_1234L);
        byte[] valid = VmFrameEncoder.encode(new VmMessage(0xA0, 0x06, 0, 0x01, new byte[] {(byte) 0xAA, 0x12}));
        int iterations = 120_000;
        for (int i = 0; i < iterations; i++) {
            byte[] frame = switch (i % 4) {
                case 0 -> randomBytes(random, random.nextInt(400));
                case 1 -> mutate(random, valid);
                case 2 -> validPrefix(random, valid);
                default -> escapeAbuse(random);
            };
            decoder.decode(frame, 0, frame.length, sink);
            decoder.decode(VmCodes.MSG_CHAR, sink); // terminate whatever was left
        }
        sink.frames.clear();
        decoder.decode(valid, 0, valid.length, sink);
        assertEquals(1, sink.frames.size(), "a valid frame still decodes after the fuzz");
        assertTrue(sink.errors.size() > iterations / 4, "errors were reported, not thrown: " + sink.errors.size());
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    static byte[] mutate(Random random, byte[] valid) {
        byte[] b = valid.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    static byte[] validPrefix(Random random, byte[] valid) {
        int cut = random.nextInt(valid.length);
        byte[] tail = randomBytes(random, random.nextInt(8));
        byte[] b = new byte[cut + tail.length];
        System.arraycopy(valid, 0, b, 0, cut);
        System.arraycopy(tail, 0, b, cut, tail.length);
        return b;
    }

    static byte[] escapeAbuse(Random random) {
        int[] specials = {0xAA, 0xA0, 0xA1, 0xBA, 0xB0, 0xB1, 0x00, 0xFF};
        byte[] b = new byte[1 + random.nextInt(40)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) specials[random.nextInt(specials.length)];
        }
        return b;
    }
}
