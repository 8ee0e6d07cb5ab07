package dev.bmcagent.it.redfish;

import static dev.bmcagent.it.redfish.RedfishRig.ADMIN;
import static dev.bmcagent.it.redfish.RedfishRig.ADMIN_PW;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.progress.BootProgressState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BootProgress, ACPI state, memory, SEL and boot history through a boot the host sends over its VM link. */
class RedfishBootIT {
    static final String SYS = "/redfish/v1/Systems/host0";

    @TempDir
    Path dir;

    RedfishRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new RedfishRig(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** The host's side of a boot up to ExitBootServices (docs/HOST-INTERFACE.md byte layouts). */
    static void firmware(RedfishRig rig) {
        rig.send(0x06, 0x06, "82 82"); // Set ACPI: S2, D2
        rig.send(0x2C, 0x02, "AE 01000000 00100203 00"); // SBMR: PEI core 03021000h
        rig.send(0x2C, 0x02, "AE 01000000 00100500 00"); // SBMR: memory init 00051000h
    }

    static void rest(RedfishRig rig) {
        rig.send(0x30, 0x14, "00 80 00 00 08 08"); // OEM Report Memory: 32768 MiB, 8 of 8
        rig.send(0x04, 0x02, "01 04 0F 05 6F C2 03 FF"); // PEM: FW progress, secondary CPU
        rig.send(0x30, 0x10, "94"); // POST code 94h: PCI enumeration
        rig.send(0x2C, 0x02, "AE 01000000 01100503 00"); // SBMR: ReadyToBoot 03051001h
        rig.send(0x06, 0x06, "80 80"); // Set ACPI: S0, D0
        rig.send(0x04, 0x02, "01 04 1F 07 6F 06 FF FF"); // PEM: OS boot completed
    }

    @Test
    void curlAndSushyFollowBootProgressToOsRunning() {
        JsonNode off = rig.get(SYS);
        assertEquals("Off", off.get("PowerState").asText());
        assertEquals("None", off.at("/BootProgress/LastState").asText());
        assertEquals("S5_G2", off.at("/Oem/BmcAgent/AcpiSystemState").asText());
        assertTrue(off.at("/Oem/BmcAgent/AcpiStateInferred").asBoolean());

        rig.powerOn();
        firmware(rig);
        await().until(() -> rig.node().state().progress().lastState() == BootProgressState.MemoryInitializationStarted);
        JsonNode mid = rig.get(SYS);
        assertEquals("On", mid.get("PowerState").asText());
        assertEquals(
                "MemoryInitializationStarted", mid.at("/BootProgress/LastState").asText());
        assertEquals("S2_D2", mid.at("/Oem/BmcAgent/AcpiSystemState").asText());
        assertTrue(mid.at("/BootProgress/LastBootTimeSeconds").isMissingNode());

        rest(rig);
        await().until(() -> rig.node().state().progress().lastState() == BootProgressState.OSRunning);
        JsonNode up = rig.get(SYS);
        assertEquals("OSRunning", up.at("/BootProgress/LastState").asText());
        assertTrue(up.at("/BootProgress/LastBootTimeSeconds").asDouble() > 0, up.toString());
        assertEquals("S0_G0_D0", up.at("/Oem/BmcAgent/AcpiSystemState").asText());
        assertEquals(32.0, up.at("/MemorySummary/TotalSystemMemoryGiB").asDouble());

        RedfishRig.Run sushy = RedfishRig.run(List.of(
                "/usr/bin/python3",
                "-c",
                String.join(
                        "\n",
                        "import sushy, urllib3",
                        "urllib3.disable_warnings()",
                        "root = sushy.Sushy('" + rig.base() + "/redfish/v1', username='" + ADMIN + "', password='"
                                + ADMIN_PW + "', verify=False)",
                        "s = root.get_system('" + SYS + "')",
                        "print('power', s.power_state)",
                        "print('progress', s.json['BootProgress']['LastState'], s.json['BootProgress']['LastBootTimeSeconds'])",
                        "print('memory', s.memory_summary.size_gib)")));
        System.out.println("sushy:\n" + sushy.out());
        assertEquals(0, sushy.exit(), sushy.out());
        assertTrue(sushy.out().contains("progress OSRunning"), sushy.out());
        assertTrue(sushy.out().contains("memory 32"), sushy.out());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.get(SYS + "/LogServices/BootHistory/Entries")
                                .get("Members@odata.count")
                                .asInt()
                        >= 1);
        System.out.println("BootHistory: " + rig.get(SYS + "/LogServices/BootHistory/Entries"));
        JsonNode posts = rig.get(SYS + "/LogServices/PostCodes/Entries");
        System.out.println("PostCodes: " + posts);
        assertTrue(posts.toString().contains("POST code 0x94"), posts::toString);
        JsonNode sel = rig.get("/redfish/v1/Managers/bmc/LogServices/SEL/Entries");
        List<String> messages = new ArrayList<>();
        sel.get("Members")
                .forEach(m -> messages.add(
                        m.get("SensorType").asText() + " | " + m.get("Message").asText()));
        System.out.println("SEL via Redfish: " + messages);
        assertTrue(
                messages.contains("System ACPI PowerState | S2: sleeping, processor context lost"), messages::toString);
        assertTrue(messages.contains("System Firmware Progress | Memory initialization"), messages::toString);
        assertTrue(messages.contains("System ACPI PowerState | S0/G0: working"), messages::toString);
    }
}
