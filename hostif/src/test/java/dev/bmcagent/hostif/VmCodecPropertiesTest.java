package dev.bmcagent.hostif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Encoder and decoder are inverse, and an encoded frame never contains a bare A0h/A1h before its end. */
class VmCodecPropertiesTest {

    private static List<VmFrame> decode(byte[] wire) {
        List<VmFrame> frames = new ArrayList<>();
        new VmFrameDecoder().decode(wire, 0, wire.length, new VmFrameDecoder.Sink() {
            @Override
            public void frame(VmFrame frame) {
                frames.add(frame);
            }

            @Override
            public void error(VmDecodeError error) {
                throw new AssertionError(error.toString());
            }
        });
        return frames;
    }

    @Property(tries = 2000)
    void messagesRoundTrip(
            @ForAll @IntRange(max = 255) int msgId,
            @ForAll @IntRange(max = 63) int netFn,
            @ForAll @IntRange(max = 3) int lun,
            @ForAll @IntRange(max = 255) int cmd,
            @ForAll @Size(max = VmFrameDecoder.MAX_FRAME_BYTES - 4) byte[] payload) {
        VmMessage m = new VmMessage(msgId, netFn, lun, cmd, payload);
        byte[] wire = VmFrameEncoder.encode(m);
        assertEquals(List.of(m), decode(wire));
        assertOnlyTerminatorAtEnd(wire, VmCodes.MSG_CHAR);
    }

    @Property(tries = 1000)
    void controlsRoundTrip(@ForAll @IntRange(max = 255) int op, @ForAll @Size(max = 4) byte[] args) {
        VmControl c = new VmControl(op, args);
        byte[] wire = VmFrameEncoder.encode(c);
        assertEquals(List.of(c), decode(wire));
        assertOnlyTerminatorAtEnd(wire, VmCodes.CMD_CHAR);
    }

    private static void assertOnlyTerminatorAtEnd(byte[] wire, int terminator) {
        assertEquals(terminator, wire[wire.length - 1] & 0xFF);
        for (int i = 0; i < wire.length - 1; i++) {
            int b = wire[i] & 0xFF;
            assertTrue(b != VmCodes.MSG_CHAR && b != VmCodes.CMD_CHAR, "bare terminator at " + i);
        }
    }
}
