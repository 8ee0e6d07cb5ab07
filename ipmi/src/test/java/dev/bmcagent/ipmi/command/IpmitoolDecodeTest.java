package dev.bmcagent.ipmi.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.command.chassis.BootFlags;
import dev.bmcagent.ipmi.command.chassis.ChassisAction;
import dev.bmcagent.ipmi.command.sensor.SensorReading;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.sdr.SensorNumbers;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SelRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ipmitool (1.8.19, {@code -I dummy} over a Unix socket) decodes what the handlers answer: SEL
 * names resolved from our SDR, FRU areas, boot options, sensor readings. No LAN layer involved.
 */
class IpmitoolDecodeTest {
    @TempDir
    Path dir;

    private final TestBmc bmc = new TestBmc();
    private IpmitoolDummyServer server;
    private IpmitoolClient ipmitool;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(IpmitoolClient.available(), "ipmitool not installed");
        server = new IpmitoolDummyServer(dir, bmc.dispatcher, Privilege.ADMINISTRATOR);
        ipmitool = new IpmitoolClient(server.socket());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void add(dev.bmcagent.ipmi.sel.SystemEvent e) {
        bmc.sel.append(SelRecord.of(0, 0, e));
    }

    @Test
    void selElistResolvesNamesFromTheSdr() throws Exception {
        add(SelEvents.acpiState(AcpiSystemState.S5_G2));
        add(SelEvents.restart(SelEvents.RESTART_SYSTEM_RESTART));
        add(SelEvents.acpiState(AcpiSystemState.S2_D2));
        add(SelEvents.firmwareProgress(0x01));
        add(SelEvents.firmwareProgress(0x13));
        add(SelEvents.bootError(SelEvents.BOOT_ERROR_PXE_SERVER_NOT_FOUND));
        add(SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED));
        add(SelEvents.acpiState(AcpiSystemState.S0_G0_D0));
        add(SelEvents.threshold(0x01, SensorNumbers.CPU_TEMP, 0x09, false, 96, 95));
        String out = ipmitool.run("sel", "elist");
        List<String> expected = List.of(
                "   1 | 03/04/26 | 05:06:07 UTC | System ACPI Power State ACPI_STATUS | S5/G2: soft-off | Asserted",
                "   2 | 03/04/26 | 05:06:07 UTC | System Boot Initiated RESTART_CAUSE | System Restart | Asserted",
                "   3 | 03/04/26 | 05:06:07 UTC | System ACPI Power State ACPI_STATUS | S2: sleeping, processor context lost | Asserted",
                "   4 | 03/04/26 | 05:06:07 UTC | System Firmwares FW_PROGRESS | Memory initialization | Asserted",
                "   5 | 03/04/26 | 05:06:07 UTC | System Firmwares FW_PROGRESS | System boot initiated | Asserted",
                "   6 | 03/04/26 | 05:06:07 UTC | Boot Error BOOT_ERROR | PXE server not found | Asserted",
                "   7 | 03/04/26 | 05:06:07 UTC | OS Boot OS_BOOT | boot completed - device not specified | Asserted",
                "   8 | 03/04/26 | 05:06:07 UTC | System ACPI Power State ACPI_STATUS | S0/G0: working | Asserted");
        List<String> lines = out.lines().toList();
        assertEquals(expected, lines.subList(0, 8), out);
        assertTrue(lines.get(8).contains("Temperature CPU_TEMP | Upper Critical going high | Asserted"), out);
    }

    @Test
    void preInitTimestampsAndSelInfo() throws Exception {
        bmc.selClock.set(0x2B0D);
        add(SelEvents.acpiState(AcpiSystemState.S5_G2));
        String elist = ipmitool.run("sel", "elist");
        assertTrue(elist.startsWith("   1 |  Pre-Init  |0000011021| System ACPI Power State ACPI_STATUS"), elist);
        String info = ipmitool.run("sel", "info");
        assertTrue(info.contains("Version          : 1.5 (v1.5, v2 compliant)"), info);
        assertTrue(info.contains("Entries          : 1"), info);
        assertTrue(info.contains("Overflow         : false"), info);
    }

    @Test
    void selDeleteGetAndTime() throws Exception {
        add(SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED));
        add(SelEvents.bootError(SelEvents.BOOT_ERROR_NO_MEDIA));
        assertTrue(ipmitool.run("sel", "delete", "1").contains("Deleted entry 1"));
        String elist = ipmitool.run("sel", "elist");
        assertTrue(
                elist.startsWith("   2 | 03/04/26 | 05:06:07 UTC | Boot Error BOOT_ERROR | No bootable media"), elist);
        assertEquals(1, elist.lines().count(), elist);
        String get = ipmitool.run("sel", "get", "2");
        assertTrue(get.contains(" Generator ID          : 0020"), get);
        assertTrue(get.contains(" Sensor Number         : 06"), get);
        assertTrue(get.contains(" Event Data (RAW)      : 00ffff"), get);
        assertTrue(ipmitool.run("sel", "time", "get").startsWith("03/04/26 05:06:07"));
    }

    @Test
    void channelInfoUsersAndRestartCause() throws Exception {
        String info = ipmitool.run("channel", "info", "1");
        assertTrue(info.contains("Channel Medium Type   : 802.3 LAN"), info);
        assertTrue(info.contains("Session Support       : multi-session"), info);
        assertTrue(info.contains("Active Session Count  : 3"), info);
        assertTrue(info.contains("Access Mode         : always available"), info);
        String users = ipmitool.run("user", "list", "1");
        assertTrue(users.contains("2   admin            true    true       true       ADMINISTRATOR"), users);
        assertTrue(users.contains("3   operator         true    true       true       OPERATOR"), users);
        assertTrue(users.contains("15                   true    false      false      NO ACCESS"), users);
        assertTrue(ipmitool.run("chassis", "restart_cause")
                .contains("System restart cause: chassis power control command"));
    }

    @Test
    void selClearHandshake() throws Exception {
        add(SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED));
        String out = ipmitool.run("sel", "clear");
        assertTrue(out.contains("Clearing SEL"), out);
        assertEquals(0, bmc.sel.info().entries());
    }

    @Test
    void sdrListShowsReadingsAndUnavailableSensors() throws Exception {
        bmc.readings.put(SensorNumbers.CPU_TEMP, SensorReading.raw(45));
        bmc.readings.put(SensorNumbers.sysFan(1), SensorReading.raw(42));
        bmc.readings.put(SensorNumbers.CPU_POWER, SensorReading.raw(90));
        bmc.readings.put(SensorNumbers.ACPI_STATUS, SensorReading.discrete(1 << 0));
        String out = ipmitool.run("sdr", "list");
        assertTrue(out.contains("CPU_TEMP         | 45 degrees C      | ok"), out);
        assertTrue(out.contains("CPU_POWER        | 180 Watts         | ok"), out);
        assertTrue(out.contains("SYS_FAN1         | 4200 RPM          | ok"), out);
        assertTrue(out.contains("DIMM_TEMP_0      | no reading        | ns"), out); // gated: unavailable
    }

    @Test
    void sdrElistShowsDiscreteStates() throws Exception {
        bmc.readings.put(SensorNumbers.ACPI_STATUS, SensorReading.discrete(1 << 0));
        bmc.readings.put(SensorNumbers.CPU_TEMP, SensorReading.raw(45));
        String out = ipmitool.run("sdr", "elist");
        assertTrue(out.contains("ACPI_STATUS      | 03h | ok  |  7.1 | S0/G0: working"), out);
        assertTrue(out.contains("CPU_TEMP         | 01h | ok  |  3.1 | 45 degrees C"), out);
        assertTrue(out.contains("DIMM_TEMP_1      | 11h | ns  | 32.2 | No Reading"), out);
    }

    @Test
    void sensorGetShowsThresholds() throws Exception {
        bmc.readings.put(SensorNumbers.CPU_TEMP, SensorReading.raw(96));
        String out = ipmitool.run("sensor", "get", "CPU_TEMP");
        assertTrue(out.contains("Sensor Reading        : 96 (+/- 0) degrees C"), out);
        assertTrue(out.contains("Status                : Upper Critical"), out);
        assertTrue(out.contains("Upper Critical        : 95.000"), out);
    }

    @Test
    void fruPrintDecodesTheImage() throws Exception {
        String out = ipmitool.run("fru", "print", "0");
        assertTrue(out.contains(" Chassis Type          : Rack Mount Chassis"), out);
        assertTrue(out.contains(" Board Mfg Date        : Sat Jun  7 08:09:00 2025 UTC"), out);
        assertTrue(out.contains(" Board Product         : BMC-AGENT-BOARD"), out);
        assertTrue(out.contains(" Product Name          : bmc-agent server"), out);
        assertTrue(out.contains(" Product Asset Tag     : ASSET-7"), out);
        assertTrue(!out.contains("E: "), out);
    }

    @Test
    void bootdevPxeEfiAndReadBack() throws Exception {
        String set = ipmitool.run("chassis", "bootdev", "pxe", "options=efiboot");
        assertTrue(set.contains("Set Boot Device to pxe"), set);
        BootFlags flags = bmc.bootOptions.bootFlags();
        assertTrue(flags.valid() && flags.efi() && !flags.persistent());
        assertEquals(BootFlags.DEVICE_PXE, flags.device());
        String get = ipmitool.run("chassis", "bootparam", "get", "5");
        assertTrue(get.contains("Boot parameter data: a004000000"), get);
        assertTrue(get.contains("Boot Flag Valid"), get);
        assertTrue(get.contains("Force PXE"), get);
        for (String p : List.of("0", "3", "4")) {
            String out = ipmitool.run("chassis", "bootparam", "get", p);
            assertTrue(out.contains("Boot parameter version: 1") && !out.contains("E: "), p + ": " + out);
        }
    }

    @Test
    void mcInfoChassisStatusAndPower() throws Exception {
        String mc = ipmitool.run("mc", "info");
        assertTrue(mc.contains("IPMI Version              : 2.0"), mc);
        assertTrue(mc.contains("Firmware Revision         : 2.13"), mc);
        String status = ipmitool.run("chassis", "status");
        assertTrue(status.contains("System Power         : on"), status);
        assertTrue(status.contains("Power Restore Policy : previous"), status);
        String power = ipmitool.run("chassis", "power", "cycle");
        assertTrue(power.contains("Chassis Power Control: Cycle"), power);
        assertEquals(List.of(ChassisAction.POWER_CYCLE), bmc.actions);
        String guid = ipmitool.run("mc", "guid"); // Get System GUID, decoded in IPMI byte order
        assertTrue(guid.contains("System GUID   : 12345678-9abc-4def-8123-456789abcdef"), guid);
        assertTrue(guid.contains("GUID Encoding : IPMI"), guid);
    }
}
