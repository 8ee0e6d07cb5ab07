package dev.bmcagent.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageHealthTest {
    @TempDir
    Path dir;

    @Test
    void aFailingJournalIsListedUntilItIsWrittenAndListenersHearBothChanges() throws IOException {
        Path sel = Files.createFile(dir.resolve("sel-host0.journal"));
        StorageHealth h = new StorageHealth();
        List<Integer> heard = new ArrayList<>();
        h.onChange(p -> heard.add(p.size()));
        h.failed(sel, new IOException("Input/output error"));
        h.failed(sel, new IOException("Input/output error")); // same problem: no second notification
        assertFalse(h.healthy());
        assertEquals("sel-host0.journal: Input/output error", h.summary());
        h.ok(sel);
        assertTrue(h.healthy());
        assertEquals(List.of(1, 0), heard);
    }

    @Test
    void aWriteThatSucceedsOnTheSameFilesystemClearsTheOtherJournalsNoSpaceProblems() throws IOException {
        Path sel = Files.createFile(dir.resolve("sel-host0.journal"));
        Path events = Files.createFile(dir.resolve("events.journal"));
        Path settings = Files.createFile(dir.resolve("settings.journal"));
        StorageHealth h = new StorageHealth();
        h.failed(events, new IOException("No space left on device"));
        h.failed(settings, new IOException("Input/output error"));
        h.failed(sel, new IOException("No space left on device"));
        h.ok(sel);
        assertEquals(
                List.of(new StorageHealth.Problem(settings, "Input/output error")),
                h.problems(),
                "space is back on that filesystem; an I/O error is not cleared by another file's write");
    }
}
