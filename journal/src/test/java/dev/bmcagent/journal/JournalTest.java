package dev.bmcagent.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("test.journal");
    }

    private Journal open() throws IOException {
        return Journal.open(file(), JournalOptions.processCrashSafe());
    }

    private static byte[] p(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void appendsGetIncreasingIdsAndReadBack() throws IOException {
        try (Journal j = open()) {
            assertEquals(1, j.append(p("first")));
            assertEquals(2, j.append(p("second")));
            assertEquals(3, j.append(new byte[0]));
            List<JournalRecord> all = j.read(1, 10);
            assertEquals(
                    List.of(
                            new JournalRecord(1, p("first")),
                            new JournalRecord(2, p("second")),
                            new JournalRecord(3, new byte[0])),
                    all);
            assertEquals(List.of(new JournalRecord(2, p("second"))), j.read(2, 1));
            assertArrayEquals(p("second"), j.get(2).payload());
            assertNull(j.get(4));
        }
    }

    @Test
    void reopenContinuesIdsAndKeepsRecords() throws IOException {
        try (Journal j = open()) {
            j.append(p("a"));
            j.append(p("b"));
        }
        try (Journal j = open()) {
            assertTrue(j.recovery().clean());
            assertEquals(2, j.size());
            assertEquals(3, j.append(p("c")));
            assertEquals(List.of("a", "b", "c"), payloads(j.read(0, 10)));
        }
    }

    @Test
    void fileLayoutIsHeaderThenLengthCrcIdPayload() throws IOException {
        try (Journal j = open()) {
            j.append(new byte[] {0x12, 0x34});
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file()));
        assertEquals(JournalFormat.HEADER_SIZE + 8 + 8 + 2, b.capacity());
        assertEquals(0x424D434A, b.getInt(0)); // magic "BMCJ"
        assertEquals(1, b.getInt(4)); // version
        assertEquals(1L, b.getLong(8)); // nextIdFloor of a fresh file
        assertEquals(10, b.getInt(20)); // body length = id (8) + payload (2)
        assertEquals(JournalFormat.crc(b.array(), 28, 10), b.getInt(24)); // CRC32C of the body
        assertEquals(1L, b.getLong(28)); // id
        assertEquals(0x1234, b.getShort(36)); // payload
    }

    @Test
    void retainLastKeepsNewestAndNeverReusesIds() throws IOException {
        try (Journal j = open()) {
            for (int i = 1; i <= 10; i++) {
                j.append(p("r" + i));
            }
            j.retainLast(3);
            assertEquals(List.of("r8", "r9", "r10"), payloads(j.read(0, 100)));
            assertEquals(11, j.append(p("r11")));
            j.retainLast(0);
            assertEquals(0, j.size());
        }
        try (Journal j = open()) {
            assertEquals(0, j.size());
            assertEquals(12, j.append(p("after-empty-compaction")));
        }
    }

    @Test
    void compactKeepsWhatThePredicateAccepts() throws IOException {
        try (Journal j = open()) {
            for (int i = 1; i <= 6; i++) {
                j.append(p("r" + i));
            }
            j.compact(r -> r.id() % 2 == 0);
            assertEquals(List.of("r2", "r4", "r6"), payloads(j.read(0, 100)));
            assertEquals(7, j.append(p("r7")));
        }
        try (Journal j = open()) {
            assertEquals(List.of("r2", "r4", "r6", "r7"), payloads(j.read(0, 100)));
        }
    }

    @Test
    void leftoverCompactionFileFromACrashIsDeletedAndTheJournalIsIntact() throws IOException {
        try (Journal j = open()) {
            j.append(p("kept"));
        }
        Files.write(dir.resolve("test.journal.compact"), p("half-written compaction output"));
        try (Journal j = open()) {
            assertTrue(j.recovery().staleCompaction());
            assertEquals(List.of("kept"), payloads(j.read(0, 10)));
        }
        assertTrue(Files.notExists(dir.resolve("test.journal.compact")));
    }

    @Test
    void tornTailIsTruncatedAndIdsContinue() throws IOException {
        try (Journal j = open()) {
            j.append(p("one"));
            j.append(p("two"));
            j.append(p("three"));
        }
        long size = Files.size(file());
        try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.WRITE)) {
            ch.truncate(size - 2); // cut into the last frame's payload, as a crash mid-write would
        }
        long goodEnd = size - (8 + 8 + 5);
        try (Journal j = open()) {
            assertEquals(goodEnd, j.recovery().truncatedAt());
            assertEquals(List.of("one", "two"), payloads(j.read(0, 10)));
            assertEquals(3, j.append(p("three again")));
        }
        try (Journal j = open()) {
            assertTrue(j.recovery().clean());
            assertEquals(List.of("one", "two", "three again"), payloads(j.read(0, 10)));
        }
    }

    @Test
    void garbageAndZeroFilledTailsAreTruncated() throws IOException {
        try (Journal j = open()) {
            j.append(p("one"));
        }
        long goodEnd = Files.size(file());
        for (byte[] tail : List.of(
                new byte[4096],
                new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07
                },
                new byte[] {0x00, 0x00, 0x00, 0x0B, 0x12})) {
            Files.write(file(), tail, StandardOpenOption.APPEND);
            try (Journal j = open()) {
                assertEquals(goodEnd, j.recovery().truncatedAt());
                assertEquals(tail.length, j.recovery().truncatedBytes());
                assertEquals(List.of("one"), payloads(j.read(0, 10)));
            }
            assertEquals(goodEnd, Files.size(file()));
        }
    }

    @Test
    void fullLengthFrameWithBadCrcAtTheEndIsDamageItsIdIsNeverReissued() throws IOException {
        try (Journal j = open()) {
            j.append(p("one"));
            j.append(p("two"));
        }
        flipLastByte();
        try (Journal j = open()) {
            assertEquals(List.of("one"), payloads(j.read(0, 10)));
            assertTrue(j.recovery().truncatedAt() > 0);
            assertTrue(j.recovery().damaged());
            assertEquals(dir.resolve("test.journal.damaged-1"), j.recovery().damagedCopy());
            assertTrue(j.append(p("two again")) > 2, "record 2 was acknowledged: its id is never handed out again");
        }
    }

    /**
     * Documented behaviour: a corrupt frame in the middle (bad CRC, plausible length) followed by a
     * valid frame is skipped; the records after it are kept; the file is copied aside and rewritten without it;
     * ids continue above the high-water mark.
     */
    @Test
    void badCrcInTheMiddleIsSkippedAndLaterRecordsAreKept() throws IOException {
        long secondFrame;
        try (Journal j = open()) {
            j.append(p("one"));
            secondFrame = Files.size(file());
            j.append(p("two"));
            j.append(p("three"));
        }
        try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ch.write(ByteBuffer.wrap(p("X")), secondFrame + 8 + 8); // first payload byte of record 2
        }
        try (Journal j = open()) {
            assertEquals(List.of(secondFrame), j.recovery().skippedOffsets());
            assertEquals(-1, j.recovery().truncatedAt());
            assertEquals(List.of(1L, 3L), ids(j.read(0, 10)));
            assertNull(j.get(2));
            assertTrue(j.append(p("four")) > 3);
        }
        assertTrue(Files.exists(dir.resolve("test.journal.damaged-1")));
        try (Journal j = open()) {
            assertTrue(j.recovery().clean());
            assertEquals(List.of("one", "three", "four"), payloads(j.read(0, 10)));
        }
    }

    @Test
    void aSecondOpenOfTheSameFileFails() throws IOException {
        try (Journal j = open()) {
            IOException e = assertThrows(IOException.class, this::open);
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            assertEquals(1, j.append(p("the first opener still works")));
        }
    }

    @Test
    void notAJournalIsRejectedNotWiped() throws IOException {
        Files.write(file(), p("this is somebody's text file, not a journal"));
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("bad header"), e.getMessage());
        IOException again = assertThrows(IOException.class, this::open); // the failed open released the file
        assertTrue(again.getMessage().contains("bad header"), again.getMessage());
        assertEquals("this is somebody's text file, not a journal", Files.readString(file()));
    }

    @Test
    void fsyncAlwaysPolicyAppendsAndReads() throws IOException {
        try (Journal j = Journal.open(file(), JournalOptions.fsyncAlways())) {
            j.append(p("durable"));
        }
        try (Journal j = open()) {
            assertEquals(List.of("durable"), payloads(j.read(0, 10)));
        }
    }

    @Test
    void batchPolicyGroupCommitsOnTheSchedulerAndStopsOnClose() throws IOException {
        ManualScheduler scheduler = new ManualScheduler();
        Journal j = Journal.open(file(), JournalOptions.groupCommit(scheduler, java.time.Duration.ofMillis(7)));
        assertEquals(1, scheduler.periodic.size());
        assertEquals(java.time.Duration.ofMillis(7), scheduler.periodic.get(0).period);
        j.append(p("batched"));
        scheduler.periodic.get(0).task.run(); // the group commit: fsync of the dirty journal
        j.append(p("batched too"));
        j.close();
        assertTrue(scheduler.periodic.get(0).cancelled, "group commit cancelled on close");
        scheduler.periodic.get(0).task.run(); // a late tick after close is harmless
        try (Journal again = open()) {
            assertEquals(List.of("batched", "batched too"), payloads(again.read(0, 10)));
        }
    }

    /** A scheduler the test drives by hand. */
    private static final class ManualScheduler implements dev.bmcagent.common.time.Scheduler {
        final List<Periodic> periodic = new ArrayList<>();

        @Override
        public java.time.Clock clock() {
            return java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC);
        }

        @Override
        public Cancellable schedule(java.time.Duration delay, Runnable task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable scheduleAtFixedRate(
                java.time.Duration initialDelay, java.time.Duration period, Runnable task) {
            Periodic p = new Periodic(period, task);
            periodic.add(p);
            return () -> p.cancelled = true;
        }
    }

    private static final class Periodic {
        final java.time.Duration period;
        final Runnable task;
        boolean cancelled;

        Periodic(java.time.Duration period, Runnable task) {
            this.period = period;
            this.task = task;
        }
    }

    @Test
    void appendLatencyIsWellUnderAMillisecond() throws IOException {
        try (Journal j = open()) {
            byte[] sel = new byte[16];
            for (int i = 0; i < 2000; i++) {
                j.append(sel); // warm-up
            }
            long[] nanos = new long[2000];
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                j.append(sel);
                nanos[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(nanos);
            long median = nanos[nanos.length / 2];
            assertTrue(median < 1_000_000, "median append took " + median + " ns");
        }
    }

    private void flipLastByte() throws IOException {
        try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, ch.size() - 1);
            b.put(0, (byte) (b.get(0) ^ 0x5A));
            b.rewind();
            ch.write(b, ch.size() - 1);
        }
    }

    static List<String> payloads(List<JournalRecord> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(new String(r.payload(), UTF_8)));
        return out;
    }

    private static List<Long> ids(List<JournalRecord> records) {
        return records.stream().map(JournalRecord::id).toList();
    }
}
