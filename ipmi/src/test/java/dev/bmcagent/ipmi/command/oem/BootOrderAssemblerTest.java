package dev.bmcagent.ipmi.command.oem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reassembly of 30h/11h chunks (docs/HOST-INTERFACE.md "Report Boot Order in chunks"). */
class BootOrderAssemblerTest {
    private final BootOrderAssembler assembler = new BootOrderAssembler();

    @Test
    void chunksInOrderCompleteTheReportOnlyAtTotal() {
        assertEquals(Optional.empty(), assembler.accept(5, 0, List.of("a", "b")));
        assertEquals(Optional.empty(), assembler.accept(5, 2, List.of("c")));
        assertEquals(3, assembler.received());
        assertEquals(Optional.of(List.of("a", "b", "c", "d", "e")), assembler.accept(5, 3, List.of("d", "e")));
        assertEquals(0, assembler.received());
        assertEquals(Optional.of(List.of("x")), assembler.accept(1, 0, List.of("x"))); // next report from scratch
    }

    @Test
    void aChunkAtIndexZeroRestartsTheReport() {
        assertEquals(Optional.empty(), assembler.accept(3, 0, List.of("old0", "old1")));
        assertEquals(Optional.empty(), assembler.accept(2, 0, List.of("new0")));
        assertEquals(Optional.of(List.of("new0", "new1")), assembler.accept(2, 1, List.of("new1")));
    }

    @Test
    void outOfOrderOrOverlappingChunksAreRejectedAndDiscardThePartialReport() {
        assertCc(() -> assembler.accept(3, 1, List.of("b"))); // nothing started
        assembler.accept(4, 0, List.of("a", "b"));
        assertCc(() -> assembler.accept(4, 1, List.of("b", "c"))); // overlaps
        assertEquals(0, assembler.received());
        assertCc(() -> assembler.accept(4, 2, List.of("c"))); // the partial report is gone
        assembler.accept(4, 0, List.of("a", "b"));
        assertCc(() -> assembler.accept(4, 3, List.of("d"))); // skips index 2
        assembler.accept(4, 0, List.of("a", "b"));
        assertCc(() -> assembler.accept(5, 2, List.of("c"))); // total changed
        assertEquals(0, assembler.received());
    }

    @Test
    void oversizeReportsAreRejected() {
        assertCc(() -> assembler.accept(65, 0, List.of("a"))); // more than 64 options
        assertCc(() -> assembler.accept(2, 0, List.of("a", "b", "c"))); // more options than total
        assembler.accept(2, 0, List.of("a"));
        assertCc(() -> assembler.accept(2, 1, List.of("b", "c"))); // runs past total
        List<String> max = Collections.nCopies(BootOrderAssembler.MAX_OPTIONS, "o");
        assertEquals(Optional.of(max), assembler.accept(64, 0, max));
    }

    private static void assertCc(org.junit.jupiter.api.function.Executable e) {
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                assertThrows(IpmiException.class, e).completionCode());
    }
}
