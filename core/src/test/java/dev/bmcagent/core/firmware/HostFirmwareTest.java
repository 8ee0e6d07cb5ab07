package dev.bmcagent.core.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.sysinfo.SystemInfoCommands;
import dev.bmcagent.ipmi.command.sysinfo.SystemInfoString;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions and their history survive an agent restart (real journal files); a repeat report is no change. */
class HostFirmwareTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void versionsAndHistorySurviveARestart() throws Exception {
        InMemorySelStore sel = new InMemorySelStore(new SelClock(CLOCK));
        List<FirmwareChange> seen = new ArrayList<>();
        try (Stores stores = Stores.onDisk(dir, 10, JournalOptions.processCrashSafe(), new SecureRandom())) {
            HostFirmware fw = new HostFirmware("host0", stores.settings(), sel, CLOCK);
            fw.onChange(seen::add);
            fw.set(SystemInfoCommands.SYSTEM_FIRMWARE_VERSION, SystemInfoString.ascii("1.0"));
            fw.set(SystemInfoCommands.SYSTEM_FIRMWARE_VERSION, SystemInfoString.ascii("1.0")); // no change
            fw.set(SystemInfoCommands.SYSTEM_FIRMWARE_VERSION, SystemInfoString.ascii("1.1"));
            fw.set(SystemInfoCommands.NIC_OPTION_ROM_BASE + 1, SystemInfoString.utf8("20.5.1"));
            fw.set(SystemInfoCommands.OS_NAME, SystemInfoString.ascii("Linux"));
        }
        assertEquals(4, seen.size());
        assertEquals(3, sel.info().entries(), "a SEL event per firmware change, none for the OS name");
        try (Stores stores = Stores.onDisk(dir, 10, JournalOptions.processCrashSafe(), new SecureRandom())) {
            HostFirmware fw = new HostFirmware("host0", stores.settings(), sel, CLOCK);
            assertEquals(Map.of("BIOS", "1.1", "NIC1", "20.5.1"), fw.firmwareVersions());
            assertEquals(
                    List.of(
                            new FirmwareChange("BIOS", "", "1.0", CLOCK.instant()),
                            new FirmwareChange("BIOS", "1.0", "1.1", CLOCK.instant()),
                            new FirmwareChange("NIC1", "", "20.5.1", CLOCK.instant()),
                            new FirmwareChange("OSName", "", "Linux", CLOCK.instant())),
                    fw.history());
            assertEquals(
                    "Linux", fw.get(SystemInfoCommands.OS_NAME).orElseThrow().text());
        }
    }

    @Test
    void historyIsBounded() {
        HostFirmware fw = new HostFirmware(
                "host0",
                new dev.bmcagent.journal.InMemorySettingsStore(),
                new InMemorySelStore(new SelClock(CLOCK)),
                CLOCK);
        for (int i = 0; i < HostFirmware.HISTORY + 5; i++) {
            fw.set(SystemInfoCommands.SYSTEM_FIRMWARE_VERSION, SystemInfoString.ascii("v" + i));
        }
        assertEquals(HostFirmware.HISTORY, fw.history().size());
        assertEquals(
                "v" + (HostFirmware.HISTORY + 4),
                fw.history().get(HostFirmware.HISTORY - 1).to());
    }
}
