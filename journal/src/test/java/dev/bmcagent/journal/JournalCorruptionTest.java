package dev.bmcagent.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 12: a flipped bit in a mid-file frame length, or two corrupt frames in a row, must not cut the
 * journal there. Recovery resynchronises to the next valid frame, keeps every valid frame, copies the damaged file
 * aside, and never hands out an id again (failed on main: the journal was cut at the first bad frame and ids were
 * handed out again).
 */
class JournalCorruptionTest {
    private static final int N = 100;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("c.journal");
    }

    private Journal open() throws IOException {
        return Journal.open(file(), JournalOptions.processCrashSafe());
    }

    /** Writes records 1..N ("record-<id>", varied lengths) and returns each frame's offset (index id-1). */
    private List<Long> writeN() throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (Journal j = open()) {
            for (int i = 1; i <= N; i++) {
                offsets.add(Files.size(file()));
                assertEquals(i, j.append(("record-" + i + "-" + "x".repeat(i % 17)).getBytes(UTF_8)));
            }
        }
        return offsets;
    }

    private void xor(long offset, int mask) throws IOException {
        try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ mask));
            ch.write(b.rewind(), offset);
        }
    }

    private static List<Long> ids(Journal j) throws IOException {
        return j.read(0, 10 * N).stream().map(JournalRecord::id).toList();
    }

    private static List<Long> allBut(long... lost) {
        List<Long> out = new ArrayList<>(LongStream.rangeClosed(1, N).boxed().toList());
        for (long l : lost) {
            out.remove(l);
        }
        return out;
    }

    @Test
    void oneFlippedBitInAMidFileFrameLengthLosesOnlyThatFrame() throws IOException {
        List<Long> at = writeN();
        byte[] original;
        xor(at.get(39) + 3, 0x01); // lowest bit of record 40's length: plausible length, wrong frame end
        original = Files.readAllBytes(file());
        try (Journal j = open()) {
            assertEquals(allBut(40), ids(j));
            assertTrue(j.append("after".getBytes(UTF_8)) > N, "ids continue after the highest ever issued");
        }
        Path copy = dir.resolve("c.journal.damaged-1");
        assertTrue(Files.exists(copy), "the damaged file is kept for inspection");
        assertArrayEquals(original, Files.readAllBytes(copy));
        try (Journal j = open()) {
            assertTrue(j.recovery().clean(), "repaired file reopens clean: " + j.recovery());
            assertEquals(N, j.size());
        }
    }

    @Test
    void aHighBitFlippedInALengthMakesItImplausibleAndOnlyThatFrameIsLost() throws IOException {
        List<Long> at = writeN();
        xor(at.get(9), 0x80); // record 10's length becomes ~2 GB
        try (Journal j = open()) {
            assertEquals(allBut(10), ids(j));
        }
    }

    @Test
    void twoCorruptFramesInARowLoseOnlyThoseTwo() throws IOException {
        List<Long> at = writeN();
        xor(at.get(29) + 8 + 8, 0x20); // a payload byte of record 30
        xor(at.get(30) + 8 + 8, 0x20); // and of record 31
        try (Journal j = open()) {
            assertEquals(allBut(30, 31), ids(j));
            assertEquals(List.of(at.get(29)), j.recovery().skippedOffsets());
        }
        assertTrue(Files.exists(dir.resolve("c.journal.damaged-1")));
    }

    @Test
    void corruptLastFramesAreDamageNotATornTailAndTheirIdsAreNeverReissued() throws IOException {
        List<Long> at = writeN();
        xor(at.get(N - 2) + 8 + 8, 0x20); // records N-1 and N: complete frames, bad CRC
        xor(at.get(N - 1) + 8 + 8, 0x20);
        try (Journal j = open()) {
            assertEquals(allBut(N - 1, N), ids(j));
            long next = j.append("after".getBytes(UTF_8));
            assertTrue(next > N, "id " + next + " was already handed out");
        }
        assertTrue(Files.exists(dir.resolve("c.journal.damaged-1")));
    }

    @Test
    void garbageBetweenFramesIsSkippedWithoutFalseMatches() throws IOException {
        List<Long> at = writeN();
        // overwrite records 50..52 with bytes that look like frame headers (plausible lengths, wrong CRCs)
        try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.WRITE)) {
            ByteBuffer junk = ByteBuffer.allocate((int) (at.get(52) - at.get(49)));
            while (junk.remaining() >= 4) {
                junk.putInt(12);
            }
            ch.write(junk.rewind(), at.get(49));
        }
        try (Journal j = open()) {
            assertEquals(allBut(50, 51, 52), ids(j));
        }
    }
}
