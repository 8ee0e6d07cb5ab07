package dev.bmcagent.it.redfish;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Stores;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last good boot's DIMMs are one baseline in the host's state: after an agent restart (the same data directory,
 * real journals) the MISSING_MEMORY alert and Redfish's Memory resources (read with curl) still compare with it.
 */
class MemoryBaselineRestartIT {
    @TempDir
    Path dir;

    private final InMemoryEventHistory history = new InMemoryEventHistory();

    private RedfishRig rig() throws IOException {
        Stores stores = Stores.onDisk(
                dir.resolve("data"),
                Stores.DEFAULT_HISTORY_PER_HOST,
                JournalOptions.processCrashSafe(),
                new SecureRandom());
        return new RedfishRig(dir, i -> HostHardware.none(), stores, history);
    }

    private static String dimm(RedfishRig rig, int slot) {
        JsonNode d = rig.get("/redfish/v1/Systems/host0/Memory/DIMM" + slot);
        return d.at("/Status/State").asText() + "/" + d.at("/Status/Health").asText("-");
    }

    @Test
    void aDimmLostAfterARestartIsComparedWithTheGoodBootBeforeIt() throws Exception {
        try (RedfishRig rig = rig()) {
            rig.powerOn();
            rig.send(0x30, 0x14, "00 80 00 00 04 04 0F"); // 32 GiB, 4 of 4 DIMMs, slots 0-3: a good boot
            await().until(() -> rig.node().state().memory().goodBoot() == 4);
            assertEquals("Enabled/OK", dimm(rig, 2));
        }
        try (RedfishRig rig = rig()) {
            assertEquals("Enabled/OK", dimm(rig, 2), "the last slot report is shown before the host reports again");
            assertEquals(4, rig.node().state().memory().goodBoot(), "restored");
            rig.powerOn();
            rig.send(0x30, 0x14, "00 60 00 00 03 04 0B"); // 24 GiB, 3 of 4, slot 2 missing
            await().until(() -> rig.node().state().alerts().containsKey(AlertKind.MISSING_MEMORY));
            assertTrue(
                    rig.node()
                            .state()
                            .alerts()
                            .get(AlertKind.MISSING_MEMORY)
                            .detail()
                            .contains("last good boot had 4"),
                    rig.node().state().alerts().toString());
            assertEquals("Absent/Critical", dimm(rig, 2));
            assertEquals("Enabled/OK", dimm(rig, 3));
        }
        try (RedfishRig rig = rig()) {
            assertEquals("Absent/Critical", dimm(rig, 2), "still lost after a second restart");
            assertTrue(rig.node().state().alerts().containsKey(AlertKind.MISSING_MEMORY), "the alert from the history");
            JsonNode members = rig.get("/redfish/v1/Systems/host0/Memory").path("Members");
            assertEquals(4, members.size(), members.toString());
        }
    }
}
