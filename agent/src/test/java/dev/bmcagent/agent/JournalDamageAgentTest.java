package dev.bmcagent.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 12 at agent level: SEL records and host events are written through the running agent, the agent
 * stops, one bit flips in a mid-file frame length and two frames in a row are corrupted in both journals; after a
 * restart every other record is there, the damaged files are kept aside, and new SEL ids and event sequence
 * numbers (the MQTT sequence) are above every one ever handed out. Failed on main: SEL 64 -> 31 style truncation
 * and ids handed out again.
 */
class JournalDamageAgentTest {
    private static final int SEL_RECORDS = 64;
    private static final int EVENTS = 120;

    @TempDir
    Path dir;

    private AgentAssembly start() throws IOException {
        return AgentAssembly.start(
                PartialConfig.empty().overriddenBy(FreePorts.partial()).resolve(dir),
                new SystemScheduler("test"),
                new SecureRandom());
    }

    @Test
    void damagedJournalsKeepEveryValidRecordAndIdsNeverGoBack() throws Exception {
        List<Integer> selIds = new ArrayList<>();
        long lastSeq;
        try (AgentAssembly a = start()) {
            SelStore sel = a.runtime().node(0).spec().sel();
            for (int i = 0; i < SEL_RECORDS; i++) {
                selIds.add(sel.append(SelRecord.of(0, 0, SelEvents.firmwareProgress(i))));
            }
            HostEvent e = null;
            for (int i = 0; i < EVENTS; i++) {
                e = a.runtime().events().publish("host0", new LifecycleEvent.PostCodeSeen(i, Instant.EPOCH));
            }
            lastSeq = e.sequence();
        }
        int selBefore = selIds.size();
        Path store = dir.resolve("store");
        Path selFile = store.resolve("sel-host0.journal");
        Path eventsFile = store.resolve("events.journal");
        for (Path f : List.of(selFile, eventsFile)) {
            List<Long> frames = frames(f);
            int n = frames.size();
            xor(f, frames.get(n / 4) + 3, 0x01); // one bit of a mid-file frame length
            xor(f, frames.get(n / 2) + 8 + 9, 0x10); // two corrupt frames in a row
            xor(f, frames.get(n / 2 + 1) + 8 + 9, 0x10);
        }

        try (AgentAssembly a = start()) {
            SelStore sel = a.runtime().node(0).spec().sel();
            int entries = sel.info().entries();
            assertTrue(entries >= selBefore - 3, "SEL kept " + entries + " of " + selBefore + " (3 frames damaged)");
            int maxIssued = selIds.stream().mapToInt(Integer::intValue).max().orElseThrow();
            int next = sel.append(SelRecord.of(0, 0, SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED)));
            assertTrue(next > maxIssued, "new SEL id " + next + " after " + maxIssued + " was handed out before");

            List<HostEvent> history = a.runtime().history().read("host0", 0, 10 * EVENTS);
            long postCodes = history.stream()
                    .filter(h -> h.event() instanceof LifecycleEvent.PostCodeSeen)
                    .count();
            assertTrue(postCodes >= EVENTS - 3, "history kept " + postCodes + " of " + EVENTS + " post codes");
            HostEvent after =
                    a.runtime().events().publish("host0", new LifecycleEvent.PostCodeSeen(0xAA, Instant.EPOCH));
            assertTrue(after.sequence() > lastSeq, "sequence " + after.sequence() + " after " + lastSeq);
        }
        assertTrue(Files.exists(store.resolve("sel-host0.journal.damaged-1")), "damaged SEL journal kept aside");
        assertTrue(Files.exists(store.resolve("events.journal.damaged-1")), "damaged events journal kept aside");
    }

    /** Offsets of the frames of a journal file (20-byte header, then u32 length | u32 CRC | body). */
    static List<Long> frames(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        List<Long> out = new ArrayList<>();
        int p = 20;
        while (p + 8 <= b.limit()) {
            out.add((long) p);
            p += 8 + b.getInt(p);
        }
        return out;
    }

    static void xor(Path file, long offset, int mask) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ mask));
            ch.write(one.rewind(), offset);
        }
    }
}
