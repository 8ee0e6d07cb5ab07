package dev.bmcagent.it.ipmi;

import static dev.bmcagent.it.ipmi.IpmiClients.squash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.command.chassis.ChassisAction;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ipmiutil 3.18 over {@code -F lan2}. ipmiutil has no port option and always sends to UDP 623, so this fixture
 * binds 127.0.0.1:623 (needs root or CAP_NET_BIND_SERVICE); the class is skipped if that port cannot be bound.
 * FreeIPMI's {@code rmcpping} and {@code ipmiping}, which have no port option either, are checked here too.
 */
class IpmiutilLanIT {
    static final int IPMI_PORT = 623;
    static IpmiAgentFixture bmc;
    static IpmiClients clients;

    @TempDir
    static Path cache;

    @BeforeAll
    static void start() {
        try {
            bmc = IpmiAgentFixture.start(IPMI_PORT);
        } catch (RuntimeException e) {
            Assumptions.abort("ipmiutil needs 127.0.0.1:623 and it cannot be bound here: " + e);
        }
        clients = new IpmiClients(bmc, cache);
    }

    @AfterAll
    static void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    @Test
    void healthShowsAcpiStateSelfTestAndChassis() {
        String out = squash(clients.ipmiutilAdmin("health").ok().output());
        assertTrue(out.contains("BMC version = 2.13, IPMI v2.0"), out);
        assertTrue(out.contains("Power State = 00 (S0: working)"), out);
        assertTrue(out.contains("Selftest status = 0055 (OK)"), out);
        assertTrue(out.contains("pwr_restore_policy = last_state"), out);
        assertTrue(out.contains("ipmiutil health, completed successfully"), out);
    }

    @Test
    void selWithSensorNamesPrintsTheBoot() {
        String out = squash(clients.ipmiutilAdmin("sel", "-e").ok().output());
        assertTrue(out.contains("Size = 3639 records (Used=12, Free=3627)"), out);
        assertTrue(
                out.contains("0001 11/22/26 08:00:07 INF BMC ACPI Power State #03 ACPI_STATUS S5/G2 soft-off "
                        + "6f [05 ff ff]"),
                out);
        assertTrue(out.contains("System Boot Initiated #04 RESTART_CAUSE RestartCause 6f [c7 01 ff]"), out);
        assertTrue(out.contains("System Firmware #05 FW_PROGRESS prog, Memory init 6f [c2 01 ff]"), out);
        assertTrue(out.contains("Boot Error #06 BOOT_ERROR - 6f [02 ff ff]"), out);
        assertTrue(out.contains("000a 11/22/26 08:01:10 INF BMC OS Boot #07 OS_BOOT Other boot completed"), out);
        assertTrue(out.contains("000b 11/22/26 08:01:13 INF EFI System Firmware #05"), out);
    }

    @Test
    void sensorShowsReadingsAndTheGatedDimm() {
        String out = squash(clients.ipmiutilAdmin("sensor").ok().output());
        assertTrue(out.contains("snum 01 CPU_TEMP = 2f OK 47.00 degrees C"), out);
        assertTrue(out.contains("snum 03 ACPI_STATUS = 0001 Working"), out);
        assertTrue(out.contains("snum 23 SYS_FAN4 = 36 OK 5400.00 RPM"), out);
        // reading-unavailable (byte 2 bit 5) is what ipmiutil labels "Init" (its IPMI 1.5 name for the bit)
        assertTrue(out.contains("snum 13 DIMM_TEMP_3 = 00 Init 0.00 degrees C"), out);
    }

    @Test
    void fruShowsTheInventory() {
        String out = squash(clients.ipmiutilAdmin("fru").ok().output());
        assertTrue(out.contains("Chassis Type : Rack-Mount Chassis"), out);
        assertTrue(out.contains("Board Serial Number : BRD123456"), out);
        assertTrue(out.contains("Product Serial Num : SN987654"), out);
    }

    @Test
    void rawCmdGetAcpiPowerState() {
        ClientRun r = clients.ipmiutilAdmin("cmd", "00", "20", "18", "07").ok();
        assertTrue(r.has("respData[len=2]: 00 00"), r::toString);
    }

    @Test
    void resetUpAndDownReachHostControl() {
        clients.ipmiutilAdmin("reset", "-u").ok();
        assertEquals(Optional.of(ChassisAction.POWER_UP), bmc.lastAction());
        clients.ipmiutilAdmin("reset", "-d").ok();
        assertEquals(Optional.of(ChassisAction.POWER_DOWN), bmc.lastAction());
        clients.ipmiutilAdmin("reset", "-r").ok();
        assertEquals(Optional.of(ChassisAction.HARD_RESET), bmc.lastAction());
    }

    @Test
    void lanShowsChannelAccessAndUsers() {
        String out = squash(clients.ipmiutilAdmin("lan").ok().output());
        assertTrue(out.contains("Channel(1=lan) Access Mode: 22 04 : Always Avail, PEF Alerts Disabled"), out);
        assertTrue(out.contains("User Access(chan1,user2): 0a 43 00 34 : IPMI, Admin (admin)"), out);
        assertTrue(out.contains("User Access(chan1,user5): 0a 83 00 0f : No access (disabled)"), out);
    }

    @Test
    void userListShowsRoles() {
        String out = squash(clients.ipmiutilAdmin("user", "list").ok().output());
        assertTrue(out.contains("User 2: chan=1 enabled Admin admin"), out);
        assertTrue(out.contains("User 3: chan=1 enabled Operator operator"), out);
        assertTrue(out.contains("User 5: chan=1 disabled No access disabled"), out);
    }

    @Test
    void rmcpPingIsAnsweredWithAsfPong() {
        ClientRun r = ClientRun.of(List.of("rmcpping", "-c", "1", "127.0.0.1")).ok();
        assertTrue(r.has("1 pings transmitted, 1 pongs received in time, 0.0% packet loss"), r::toString);
    }

    @Test
    void ipmiPingGetsChannelAuthenticationCapabilities() {
        ClientRun r = ClientRun.of(List.of("ipmiping", "-c", "1", "127.0.0.1")).ok();
        assertTrue(r.has("1 requests transmitted, 1 responses received in time, 0.0% packet loss"), r::toString);
    }

    @Test
    void refusedLogins() {
        assertNotEquals(
                0,
                clients.ipmiutil("health", IpmiAgentFixture.ADMIN, "wrong-password")
                        .exit());
        assertNotEquals(0, clients.ipmiutil("health", "nobody", "whatever").exit());
        assertNotEquals(
                0,
                clients.ipmiutil("health", IpmiAgentFixture.DISABLED, IpmiAgentFixture.DISABLED_PASSWORD)
                        .exit());
        assertNotEquals(0, clients.ipmiutilAdmin("health", "-J", "0").exit());
        ClientRun lan15 = clients.ipmiutilAdmin("health", "-F", "lan");
        assertNotEquals(0, lan15.exit());
        assertTrue(lan15.has("Invalid Command"), lan15::toString); // no IPMI 1.5 session activation
        assertTrue(clients.ipmiutilAdmin("health").ok().has("completed successfully"));
    }
}
