package dev.bmcagent.it.hostif;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.it.ipmi.ClientRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 1: the host state machine belongs to the host. While the simulated host's UEFI trains memory, an
 * Operator's unmodified ipmitool over RMCP+ sends the Platform Event "OS boot completed" and a spoofed firmware hang:
 * both are stored in the SEL with the remote console's generator ID (0081h: software ID 40h, channel 1) and change
 * nothing else (no S0 inferred, DIMM gate closed and never read, fans untouched, no lifecycle event, no alert). The
 * host-only lifecycle inputs from LAN (Set ACPI Power State, SBMR Send Boot Progress Code, OEM 30h Report Memory)
 * are refused with D4h.
 */
class LanLifecycleInputsIT {
    @TempDir
    Path dir;

    HostPortRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new HostPortRig(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private ClientRun ipmitool(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(rig.ipmiPort()),
                "-U",
                HostPortRig.OPERATOR,
                "-P",
                HostPortRig.OPERATOR_PW,
                "-L",
                "OPERATOR",
                "-C",
                "17"));
        cmd.addAll(List.of(args));
        return ClientRun.of(cmd);
    }

    @Test
    void aLanPlatformEventDuringMemoryTrainingIsOnlyStoredInTheSel() {
        rig.bootIntoMemoryTraining();
        await().until(() -> rig.node().state().progress().lastState() == BootProgressState.MemoryInitializationStarted);
        await().until(() -> !rig.duties.isEmpty());
        HostState before = rig.node().state();
        assertEquals(AcpiSystemState.S2_D2, before.system());
        assertFalse(before.gateOpen(GateClass.NOT_DURING_FIRMWARE_INIT));
        long sequence = rig.runtime.events().lastSequence(rig.node().hostId());
        int dutiesBefore = rig.duties.size();
        int selBefore = rig.node().spec().sel().info().entries();

        // Platform Event over LAN (no generator byte): EvM rev 04h, 1Fh OS boot, sensor 07h, 6Fh, 06h boot completed
        ClientRun osBoot = ipmitool("raw", "0x04", "0x02", "0x04", "0x1f", "0x07", "0x6f", "0x06", "0xff", "0xff");
        System.out.println(osBoot);
        assertEquals(0, osBoot.exit(), osBoot.toString());
        // and a spoofed firmware hang: 0Fh system firmware, sensor 05h, 6Fh, offset 01h hang, ED2 01h memory init
        ClientRun hang = ipmitool("raw", "0x04", "0x02", "0x04", "0x0f", "0x05", "0x6f", "0x01", "0x01", "0xff");
        assertEquals(0, hang.exit(), hang.toString());
        // the host-only lifecycle inputs from LAN: D4h, the firmware-firewall refusal (IPMI 2.0 table 5-2)
        ClientRun acpi = ipmitool("raw", "0x06", "0x06", "0x80", "0x80");
        ClientRun sbmr = ipmitool(
                "raw", "0x2c", "0x02", "0xae", "0x01", "0x00", "0x00", "0x00", "0x01", "0x10", "0x05", "0x03", "0x00");
        ClientRun memory = ipmitool("raw", "0x30", "0x14", "0x00", "0x80", "0x00", "0x00", "0x08", "0x08");
        for (ClientRun refused : List.of(acpi, sbmr, memory)) {
            System.out.println(refused);
            assertNotEquals(0, refused.exit(), refused.toString());
            assertTrue(refused.output().contains("rsp=0xd4"), refused.toString());
        }

        // nothing of the host changes: same state (S2_D2, memory init, DIMM gate closed, no alert), no event, the
        // DIMM is never read on the SMBus UEFI is training, the fans keep their fail-safe duty
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> rig.node().state().equals(before)
                        && rig.runtime.events().lastSequence(rig.node().hostId()) == sequence
                        && rig.dimmReads.get() == 0
                        && rig.duties.subList(dutiesBefore, rig.duties.size()).stream()
                                .allMatch(d -> d.equals(rig.duties.get(dutiesBefore - 1))));
        assertTrue(
                rig.node().state().alerts().isEmpty(),
                () -> rig.node().state().alerts().toString());

        // the SEL holds both events as sent, generator 0081h (remote console software ID 40h on channel 1)
        List<SelRecord> added = new ArrayList<>();
        var sel = rig.node().spec().sel();
        assertEquals(selBefore + 2, sel.info().entries());
        sel.last().ifPresent(added::add);
        assertEquals(0x0081 | 1 << 12, added.get(0).event().generatorId());
        ClientRun get =
                ipmitool("-v", "sel", "get", Integer.toString(added.get(0).recordId()));
        System.out.println(get);
        assertEquals(0, get.exit(), get.toString());
        assertTrue(get.output().contains("Generator ID          : 1081"), get.toString());
    }
}
