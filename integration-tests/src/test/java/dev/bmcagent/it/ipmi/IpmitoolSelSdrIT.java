package dev.bmcagent.it.ipmi;

import static dev.bmcagent.it.ipmi.IpmiClients.squash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ipmitool over RMCP+: the boot in the SEL, the SDR and sensor readings (incl. the gated DIMM sensor). */
class IpmitoolSelSdrIT {
    static IpmiAgentFixture bmc;
    static IpmiClients clients;

    @TempDir
    static Path cache;

    @BeforeAll
    static void start() {
        bmc = IpmiAgentFixture.start();
        clients = new IpmiClients(bmc, cache);
    }

    @AfterAll
    static void stop() {
        bmc.close();
    }

    @Test
    void selInfoCountsTheBoot() {
        String out = squash(clients.admin("sel", "info").ok().output());
        assertTrue(out.contains("Entries : 12"), out);
        assertTrue(out.contains("Overflow : false"), out);
        assertTrue(out.contains("Alloc Unit Size : 16"), out);
        assertTrue(out.contains("Max Record Size : 1"), out);
        assertTrue(out.contains("Supported Cmds : 'Delete' 'Reserve' 'Get Alloc Info'"), out);
    }

    @Test
    void selElistPrintsTheBootWithSdrNames() {
        ClientRun r = clients.admin("sel", "elist").ok();
        List<String> golden = List.of(
                "08:00:07 UTC | System ACPI Power State ACPI_STATUS | S5/G2: soft-off | Asserted",
                "08:00:14 UTC | System Boot Initiated RESTART_CAUSE | System Restart | Asserted",
                "08:00:21 UTC | System Firmwares FW_PROGRESS | Primary CPU initialization | Asserted",
                "08:00:28 UTC | System Firmwares FW_PROGRESS | Memory initialization | Asserted",
                "08:00:35 UTC | System Firmwares FW_PROGRESS | PCI resource configuration | Asserted",
                "08:00:42 UTC | System Firmwares FW_PROGRESS | System boot initiated | Asserted",
                "08:00:49 UTC | Boot Error BOOT_ERROR | PXE server not found | Asserted",
                "08:00:56 UTC | System ACPI Power State ACPI_STATUS | S2: sleeping, processor context lost | Asserted",
                "08:01:03 UTC | System ACPI Power State ACPI_STATUS | S0/G0: working | Asserted",
                "08:01:10 UTC | OS Boot OS_BOOT | boot completed - device not specified | Asserted",
                "08:01:13 UTC | System Firmwares #0x05 | Video initialization | Asserted",
                "08:01:16 UTC | Temperature #0x01 | Upper Non-critical going high | Asserted");
        assertEquals(golden.size(), r.lines().size(), r::toString);
        for (int i = 0; i < golden.size(); i++) {
            assertTrue(
                    r.lines().get(i).endsWith(golden.get(i)),
                    "line " + i + ": " + r.lines().get(i));
        }
    }

    @Test
    void selGetShowsTheBootErrorRecord() {
        String out = squash(clients.admin("sel", "get", "7").ok().output());
        assertTrue(out.contains("SEL Record ID : 0007"), out);
        assertTrue(out.contains("Generator ID : 0020"), out);
        assertTrue(out.contains("Sensor Type : Boot Error"), out);
        assertTrue(out.contains("Description : PXE server not found"), out);
    }

    @Test
    void sdrElistShowsReadingsAndTheGatedDimmAsNoReading() {
        String out = squash(clients.admin("sdr", "elist").ok().output());
        assertTrue(out.contains("CPU_TEMP | 01h | ok | 3.1 | 47 degrees C"), out);
        assertTrue(out.contains("CPU_POWER | 02h | ok | 3.1 | 122 Watts"), out);
        assertTrue(out.contains("ACPI_STATUS | 03h | ok | 7.1 | S0/G0: working"), out);
        assertTrue(out.contains("BOOT_ERROR | 06h | ok | 7.1 | PXE server not found"), out);
        assertTrue(out.contains("DIMM_TEMP_2 | 12h | ok | 32.3 | 38 degrees C"), out);
        assertTrue(out.contains("DIMM_TEMP_3 | 13h | ns | 32.4 | No Reading"), out);
        assertTrue(out.contains("SYS_FAN4 | 23h | ok | 29.4 | 5400 RPM"), out);
    }

    @Test
    void sdrElistAllShowsTheLocatorRecords() {
        String out = squash(clients.admin("sdr", "elist", "all").ok().output());
        assertTrue(out.contains("BMC | 00h | ok | 6.1 | Dynamic MC @ 20h"), out);
        assertTrue(out.contains("Builtin FRU | 00h | ns | 7.1 | Logical FRU @00h"), out);
    }

    @Test
    void sdrTypeTemperatureListsCpuInletAndEightDimms() {
        ClientRun r = clients.admin("sdr", "type", "Temperature").ok();
        assertEquals(10, r.lines().size(), r::toString);
        assertTrue(
                r.lines().stream()
                        .allMatch(l ->
                                l.startsWith("CPU_TEMP") || l.startsWith("INLET_TEMP") || l.startsWith("DIMM_TEMP_")),
                r::toString);
        assertTrue(squash(r.output()).contains("INLET_TEMP | 08h | ok | 55.1 | 24 degrees C"), r::toString);
    }

    @Test
    void sensorGetCpuTempShowsReadingAndThresholds() {
        String out = squash(clients.admin("sensor", "get", "CPU_TEMP").ok().output());
        assertTrue(out.contains("Sensor Reading : 47 (+/- 0) degrees C"), out);
        assertTrue(out.contains("Status : ok"), out);
        assertTrue(out.contains("Upper Non-Critical : 85.000"), out);
        assertTrue(out.contains("Upper Critical : 95.000"), out);
    }

    @Test
    void gatedDimmSensorHasNoReading() {
        ClientRun get = clients.admin("sensor", "get", "DIMM_TEMP_3");
        assertTrue(get.has("Unable to read sensor: Device Not Present"), get::toString);
        String list = squash(clients.admin("sensor", "list").ok().output());
        assertTrue(list.contains("DIMM_TEMP_3 | na | degrees C | na |"), list);
        assertTrue(list.contains("DIMM_TEMP_4 | 40.000 | degrees C | ok |"), list);
    }

    @Test
    void selClearAsOperatorEmptiesTheLogAndUserIsRefused() {
        try (IpmiAgentFixture own = IpmiAgentFixture.start()) {
            IpmiClients c = new IpmiClients(own, cache);
            ClientRun refused =
                    c.ipmitool(IpmiAgentFixture.USER, IpmiAgentFixture.USER_PASSWORD, "-L", "USER", "sel", "clear");
            assertNotEquals(0, refused.exit());
            assertTrue(refused.has("Unable to clear SEL: Insufficient privilege level"), refused::toString);
            ClientRun r = c.ipmitool(
                            IpmiAgentFixture.OPERATOR,
                            IpmiAgentFixture.OPERATOR_PASSWORD,
                            "-L",
                            "OPERATOR",
                            "sel",
                            "clear")
                    .ok();
            assertTrue(r.has("Clearing SEL"), r::toString);
            assertEquals(0, own.sel().info().entries());
            assertTrue(c.admin("sel", "elist").ok().has("SEL has no entries"));
        }
    }

    @Test
    void platformEventOverLanIsLoggedAsRemoteConsoleSoftware() {
        try (IpmiAgentFixture own = IpmiAgentFixture.start()) {
            IpmiClients c = new IpmiClients(own, cache);
            c.admin("event", "1").ok();
            ClientRun r = c.admin("sel", "get", "0xffff").ok();
            String out = squash(r.output());
            assertTrue(out.contains("SEL Record ID : 000d"), out);
            assertTrue(out.contains("Generator ID : 1081"), out); // software ID 81h, channel 1
            assertTrue(out.contains("Description : Upper Critical going high"), out);
            assertFalse(r.has("Pre-Init"), out);
        }
    }
}
