package dev.bmcagent.it.ipmi;

import static dev.bmcagent.it.ipmi.IpmiClients.squash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.command.chassis.BootFlags;
import dev.bmcagent.ipmi.command.chassis.ChassisAction;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ipmitool 1.8.19 over RMCP+ ({@code -I lanplus}, no {@code -C}) against the agent's IPMI LAN service. */
class IpmitoolLanIT {
    static IpmiAgentFixture bmc;
    static IpmiClients clients;

    @BeforeAll
    static void start(@TempDir Path cache) {
        bmc = IpmiAgentFixture.start();
        clients = new IpmiClients(bmc, cache);
    }

    @AfterAll
    static void stop() {
        bmc.close();
    }

    @Test
    void mcInfoShowsTheConfiguredIdentity() {
        ClientRun r = clients.admin("mc", "info").ok();
        assertTrue(squash(r.output()).contains("Firmware Revision : 2.13"), r::toString);
        assertTrue(squash(r.output()).contains("Product ID : 4660 (0x1234)"), r::toString);
        assertTrue(squash(r.output()).contains("Manufacturer ID : 49374"), r::toString);
        assertTrue(r.took().toMillis() < 5000, "no 10 s cipher-suite stall: " + r.took());
    }

    @Test
    void mcGuidIsTheSystemGuid() {
        ClientRun r = clients.admin("mc", "guid").ok();
        assertTrue(squash(r.output()).contains("System GUID : 12345678-9abc-4def-8123-456789abcdef"), r::toString);
    }

    @Test
    void chassisStatusShowsPolicyAndLastEvent() {
        ClientRun r = clients.admin("chassis", "status").ok();
        assertTrue(squash(r.output()).contains("Power Restore Policy : previous"), r::toString);
        assertTrue(squash(r.output()).contains("Last Power Event : command"), r::toString);
        assertTrue(squash(r.output()).contains("Main Power Fault : false"), r::toString);
    }

    @Test
    void chassisPowerCommandsReachHostControl() {
        Map<String, ChassisAction> expected = Map.of(
                "on",
                ChassisAction.POWER_UP,
                "off",
                ChassisAction.POWER_DOWN,
                "cycle",
                ChassisAction.POWER_CYCLE,
                "reset",
                ChassisAction.HARD_RESET,
                "diag",
                ChassisAction.DIAGNOSTIC_INTERRUPT,
                "soft",
                ChassisAction.SOFT_SHUTDOWN);
        expected.forEach((verb, action) -> {
            ClientRun r = clients.admin("chassis", "power", verb).ok();
            assertTrue(r.has("Chassis Power Control: "), r::toString);
            assertEquals(Optional.of(action), bmc.lastAction(), verb);
        });
    }

    @Test
    void powerStatusFollowsOffAndOn() {
        clients.admin("chassis", "power", "off").ok();
        assertTrue(clients.admin("power", "status").ok().has("Chassis Power is off"));
        clients.admin("chassis", "power", "on").ok();
        assertTrue(clients.admin("chassis", "power", "status").ok().has("Chassis Power is on"));
    }

    @Test
    void restartCauseIsChassisControl() {
        ClientRun r = clients.admin("chassis", "restart_cause").ok();
        assertTrue(r.has("System restart cause: chassis power control command"), r::toString);
    }

    @Test
    void bootdevPxeEfiReadsBackAsParameter5() {
        clients.admin("chassis", "bootdev", "pxe", "options=efiboot").ok();
        ClientRun r = clients.admin("chassis", "bootparam", "get", "5").ok();
        assertTrue(r.has("Boot parameter 5 is valid/unlocked"), r::toString);
        assertTrue(r.has("Boot parameter data: a004000000"), r::toString);
        assertTrue(r.has("- Boot Flag Valid"), r::toString);
        assertTrue(r.has("- Options apply to only next boot"), r::toString);
        assertTrue(r.has("- BIOS EFI boot"), r::toString);
        assertTrue(r.has("- Boot Device Selector : Force PXE"), r::toString);
        BootFlags stored = bmc.bootOptions().bootFlags();
        assertEquals(BootFlags.DEVICE_PXE, stored.device());
        assertTrue(stored.valid() && stored.efi() && !stored.persistent());
    }

    @Test
    void bootdevDiskPersistentReadsBackAsAllFutureBoots() {
        clients.admin("chassis", "bootdev", "disk", "options=persistent").ok();
        ClientRun r = clients.admin("chassis", "bootparam", "get", "5").ok();
        assertTrue(r.has("Boot parameter data: c008000000"), r::toString);
        assertTrue(r.has("- Options apply to all future boots"), r::toString);
        assertTrue(r.has("- Boot Device Selector : Force Boot from default Hard-Drive"), r::toString);
    }

    @Test
    void rawGetAcpiPowerStateIsS0D0() {
        ClientRun r = clients.admin("raw", "0x06", "0x07").ok();
        assertEquals(" 00 00", r.lines().get(0), r::toString);
    }

    @Test
    void rawSetAcpiPowerStateOverLanIsRefusedWithD4() {
        ClientRun r = clients.admin("raw", "0x06", "0x06", "0x80", "0x80");
        assertNotEquals(0, r.exit());
        assertTrue(r.has("rsp=0xd4): Insufficient privilege level"), r::toString);
    }

    @Test
    void userSessionCannotPowerOff() {
        int before = bmc.actions().size();
        ClientRun r = clients.admin("-L", "USER", "chassis", "power", "off");
        assertNotEquals(0, r.exit());
        assertTrue(r.has("Set Chassis Power Control to Down/Off failed: Insufficient privilege level"), r::toString);
        assertEquals(before, bmc.actions().size(), "HostControl must not be called");
    }

    @Test
    void channelInfoIsLanMultiSession() {
        String out = squash(clients.admin("channel", "info").ok().output());
        assertTrue(out.contains("Channel 0x1 info:"), out);
        assertTrue(out.contains("Channel Medium Type : 802.3 LAN"), out);
        assertTrue(out.contains("Session Support : multi-session"), out);
        assertTrue(out.contains("Active Session Count : 1"), out);
    }

    @Test
    void userListShowsRolesAndTheDisabledUser() {
        String out = squash(clients.admin("user", "list", "1").ok().output());
        assertTrue(out.contains("2 admin true true true ADMINISTRATOR"), out);
        assertTrue(out.contains("3 operator true true true OPERATOR"), out);
        assertTrue(out.contains("4 user true true true USER"), out);
        assertTrue(out.contains("5 disabled true false false NO ACCESS"), out);
    }

    @Test
    void fruPrintShowsTheInventory() {
        String out = squash(clients.admin("fru", "print").ok().output());
        assertTrue(out.contains("FRU Device Description : Builtin FRU Device (ID 0)"), out);
        assertTrue(out.contains("Chassis Type : Rack Mount Chassis"), out);
        assertTrue(out.contains("Board Mfg Date : Sat Jun 7 08:09:00 2025 UTC"), out);
        assertTrue(out.contains("Product Serial : SN987654"), out);
        assertTrue(out.contains("Product Asset Tag : ASSET-7"), out);
    }

    @Test
    void mcSelftestPasses() {
        assertTrue(clients.admin("mc", "selftest").ok().has("Selftest: passed"));
    }

    @Test
    void unsupportedCommandsAnswerInvalidCommand() {
        ClientRun r = clients.admin("chassis", "poh");
        assertTrue(r.has("Invalid command"), r::toString);
        assertFalse(r.has("Unable to establish"), r::toString);
    }
}
