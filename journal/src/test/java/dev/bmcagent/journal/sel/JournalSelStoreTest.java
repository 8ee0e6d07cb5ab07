package dev.bmcagent.journal.sel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SelStoreContract;
import dev.bmcagent.journal.Journal;
import dev.bmcagent.journal.JournalOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable SEL: ipmi's contract on a real journal file, plus what must survive a restart. */
class JournalSelStoreTest extends SelStoreContract {
    @TempDir
    Path dir;

    private final List<JournalSelStore> opened = new ArrayList<>();
    private int files;

    @Override
    protected SelStore create(Clock clock, int capacity) {
        return open(dir.resolve("sel-" + files++ + ".journal"), clock, capacity);
    }

    private JournalSelStore open(Path file, Clock clock, int capacity) {
        try {
            JournalSelStore s =
                    new JournalSelStore(Journal.open(file, JournalOptions.processCrashSafe()), clock, capacity);
            opened.add(s);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeAll() throws IOException {
        for (JournalSelStore s : opened) {
            s.close();
        }
    }

    private static SelRecord progress(int code) {
        return SelRecord.of(0, 0, SelEvents.firmwareProgress(code));
    }

    @Test
    void recordsIdsOverflowAndEraseSurviveRestart() throws IOException {
        Path file = dir.resolve("restart.journal");
        TestBmc.ManualClock clock = new TestBmc.ManualClock(TestBmc.START);
        JournalSelStore a = open(file, clock, 3);
        for (int code = 1; code <= 4; code++) { // 4 into capacity 3: record 1 dropped, overflow set
            a.append(progress(code));
            clock.advance(Duration.ofSeconds(1));
        }
        assertTrue(a.delete(3));
        SelRecord last = a.last().orElseThrow();
        a.close();
        opened.remove(a);

        JournalSelStore b = open(file, clock, 3);
        assertEquals(2, b.info().entries()); // records 2 and 4
        assertTrue(b.info().overflow());
        assertEquals(last, b.last().orElseThrow()); // same bytes, same timestamp
        assertEquals(2, b.first().orElseThrow().recordId());
        assertEquals(a.info().lastEraseTimestamp(), b.info().lastEraseTimestamp());
        assertEquals(5, b.append(progress(5))); // ids continue, 3 is not reused
    }

    @Test
    void clearPersistsAndIdsStillContinue() throws IOException {
        Path file = dir.resolve("clear.journal");
        TestBmc.ManualClock clock = new TestBmc.ManualClock(TestBmc.START);
        JournalSelStore a = open(file, clock, 8);
        a.append(progress(1));
        a.append(progress(2));
        a.clear();
        a.close();
        opened.remove(a);
        JournalSelStore b = open(file, clock, 8);
        assertEquals(0, b.info().entries());
        assertFalse(b.info().overflow());
        assertEquals(3, b.append(progress(3)));
    }

    @Test
    void journalIsCompactedButNothingLive() throws IOException {
        Path file = dir.resolve("compact.journal");
        TestBmc.ManualClock clock = new TestBmc.ManualClock(TestBmc.START);
        JournalSelStore a = open(file, clock, 4);
        for (int i = 0; i < 100; i++) {
            a.append(progress(i & 0x1F));
        }
        a.close();
        opened.remove(a);
        Journal j = Journal.open(file, JournalOptions.processCrashSafe());
        assertTrue(j.size() <= 2 * 4 + 17, "journal size " + j.size());
        j.close();
        JournalSelStore b = open(file, clock, 4);
        assertEquals(4, b.info().entries());
        assertTrue(b.info().overflow());
        assertEquals(100, b.last().orElseThrow().recordId());
        assertEquals(101, b.append(progress(1)));
    }
}
