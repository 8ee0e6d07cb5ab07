package dev.bmcagent.core.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.oem.MemoryReport;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DIMM present at the last good boot and missing now is "lost", also after an agent restart (real journals). */
class HostMemoryTest {
    @TempDir
    Path dir;

    private static MemoryReport report(int expected, Integer... slots) {
        return new MemoryReport(
                32768L * slots.length, slots.length, expected, Optional.of(new TreeSet<>(List.of(slots))));
    }

    @Test
    void aDimmLostSinceTheLastGoodBootSurvivesARestart() throws Exception {
        try (Stores stores = Stores.onDisk(dir, 10, JournalOptions.processCrashSafe(), new SecureRandom())) {
            HostMemory m = new HostMemory("host0", stores.settings());
            assertEquals(List.of(), m.dimms(), "nothing before a report");
            m.reported(report(4, 0, 1, 2, 3)); // good boot: all 4
            m.reported(report(4, 0, 1, 3)); // slot 2 failed training
            m.reported(new MemoryReport(65536, 2, 4)); // counts only: changes nothing
            assertEquals(
                    List.of(
                            new HostMemory.Dimm(0, true, false, 32768),
                            new HostMemory.Dimm(1, true, false, 32768),
                            new HostMemory.Dimm(2, false, true, 0),
                            new HostMemory.Dimm(3, true, false, 32768)),
                    m.dimms());
        }
        try (Stores stores = Stores.onDisk(dir, 10, JournalOptions.processCrashSafe(), new SecureRandom())) {
            HostMemory m = new HostMemory("host0", stores.settings());
            assertEquals(new HostMemory.Dimm(2, false, true, 0), m.dimms().get(2));
            m.reported(report(4, 0, 1, 2, 3)); // replaced: good again
            assertEquals(new HostMemory.Dimm(2, true, false, 32768), m.dimms().get(2));
        }
    }
}
