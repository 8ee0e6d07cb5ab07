package dev.bmcagent.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.it.store.AgentProcess.Run;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 12 with the real client: 40 records added with {@code ipmitool}, the agent stopped, one bit flipped
 * in a mid-file frame length of {@code sel-host0.journal} and two frames in a row corrupted; after a restart
 * {@code ipmitool sel list} shows every other record, the damaged file is kept aside, and the next Add SEL Entry gets
 * an id above every id ever handed out. Failed on main: the journal was cut at the first bad frame (SEL 41 -> 10)
 * and ids were handed out again.
 */
class SelJournalBitFlipIT {
    private static final int RECORDS = 40;

    @TempDir
    Path dir;

    @Test
    void bitFlipsKeepEveryValidSelRecordAndIdsContinue() throws Exception {
        Path data = dir.resolve("data");
        int maxId = 0;
        int before;
        try (AgentProcess agent = AgentProcess.start(dir, data, null, null)) {
            for (int i = 0; i < RECORDS; i++) {
                maxId = Math.max(maxId, addedId(agent.ipmitool(DiskFullIT.ADD_SEL)));
            }
            before = selLines(agent);
        }
        Path journal = data.resolve("store").resolve("sel-host0.journal");
        List<Long> frames = frames(journal);
        int n = frames.size();
        xor(journal, frames.get(n / 4) + 3, 0x01); // one bit of a mid-file frame length
        xor(journal, frames.get(n / 2) + 8 + 9, 0x10); // two corrupt frames in a row
        xor(journal, frames.get(n / 2 + 1) + 8 + 9, 0x10);

        try (AgentProcess agent = AgentProcess.start(dir, data, null, null)) {
            int after = selLines(agent);
            System.out.println(
                    "ipmitool sel list: " + before + " records before, " + after + " after 3 damaged frames");
            assertEquals(before - 3, after, "every valid record is kept");
            Run add = agent.ipmitool(DiskFullIT.ADD_SEL);
            int next = addedId(add);
            System.out.println("Add SEL Entry after recovery: " + add.out().strip() + " (highest id before: 0x"
                    + Integer.toHexString(maxId) + ")");
            assertTrue(next > maxId, "id " + next + " after " + maxId + " was handed out before");
        }
        assertTrue(Files.exists(journal.resolveSibling("sel-host0.journal.damaged-1")), "damaged file kept aside");
    }

    /** The record id in {@code ipmitool raw} Add SEL Entry output (" 2a 00" = 002Ah, little-endian). */
    private static int addedId(Run r) {
        assertEquals(0, r.code(), r.out());
        Matcher m = Pattern.compile("([0-9a-f]{2})\\s+([0-9a-f]{2})").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Integer.parseInt(m.group(2) + m.group(1), 16);
    }

    private static int selLines(AgentProcess agent) throws Exception {
        Run list = agent.ipmitool(List.of("sel", "list"));
        assertEquals(0, list.code(), list.out());
        return (int) list.out().lines().filter(l -> l.contains("|")).count();
    }

    /** Offsets of the frames of a journal file (20-byte header, then u32 length | u32 CRC | body). */
    private static List<Long> frames(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        List<Long> out = new ArrayList<>();
        int p = 20;
        while (p + 8 <= b.limit()) {
            out.add((long) p);
            p += 8 + b.getInt(p);
        }
        return out;
    }

    private static void xor(Path file, long offset, int mask) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ mask));
            ch.write(one.rewind(), offset);
        }
    }
}
