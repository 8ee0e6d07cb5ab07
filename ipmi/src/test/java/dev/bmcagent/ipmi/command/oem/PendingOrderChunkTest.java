package dev.bmcagent.ipmi.command.oem;

import static dev.bmcagent.ipmi.command.TestBmc.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 30h/12h response layout (docs/HOST-INTERFACE.md "Get Pending Boot Order in chunks"), decoded as a host reads it. */
class PendingOrderChunkTest {

    @Test
    void decodesTheHeaderAndWholePatterns() {
        assertEquals(
                new PendingOrderChunk(3, 0xA5, 1, List.of("P1", "v6")),
                PendingOrderChunk.decode(bytes(
                        "03" // total 3 patterns
                                + " A5" // revision A5h
                                + " 01" // first: index 1
                                + " 02 50 31" // length 2, "P1"
                                + " 02 76 36"))); // length 2, "v6"
        assertEquals(new PendingOrderChunk(0, 0x07, 0, List.of()), PendingOrderChunk.decode(bytes("00 07 00")));
    }

    @Test
    void malformedResponsesAreRejected() {
        assertCc(CompletionCode.INVALID_LENGTH, "03 A5"); // no first index
        assertCc(CompletionCode.INVALID_LENGTH, "01 A5 00 03 50 31"); // pattern truncated
        assertCc(CompletionCode.INVALID_DATA_FIELD, "01 A5 00 01 0A"); // not printable ASCII
        assertCc(CompletionCode.INVALID_DATA_FIELD, "01 A5 00 01 50 01 51"); // 2 patterns, total 1
        assertCc(CompletionCode.INVALID_DATA_FIELD, "02 A5 03"); // first past total
    }

    @Test
    void revisionWrapsAfterFfh() {
        PendingOrder order = new PendingOrder(0xFE, List.of("a"));
        assertEquals(0xFF, order.next(List.of()).revision());
        assertEquals(0x00, order.next(List.of()).next(List.of("b")).revision());
        assertEquals(List.of("b"), order.next(List.of("b")).patterns());
    }

    private static void assertCc(CompletionCode cc, String hex) {
        assertEquals(
                cc,
                assertThrows(IpmiException.class, () -> PendingOrderChunk.decode(bytes(hex)))
                        .completionCode());
    }
}
