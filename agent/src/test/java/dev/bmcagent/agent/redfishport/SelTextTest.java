package dev.bmcagent.agent.redfishport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SystemEvent;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.LogEntryView;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SelTextTest {

    @Test
    void goldenRecordsReadAsIpmitoolPrintsThem() {
        // docs/PROTOCOL-REFERENCE.md golden record: 4D 00 02 0D 2B 00 00 20 00 04 22 03 6F 05 FF FF
        SelRecord r = SelRecord.decode(HexFormat.of().parseHex("4d00020d2b0000200004220" + "36f05ffff"));
        LogEntryView e = RuntimeLogs.entry("77", r);
        assertEquals("System ACPI PowerState", e.sensorType());
        assertEquals(0x03, e.sensorNumber());
        assertEquals("S5/G2: soft-off", e.message());
        assertEquals("Assert", e.entryCode());
        assertEquals(Health.OK, e.severity());
        assertEquals(0x2B0D, e.created().getEpochSecond());
        assertEquals("0x6F05FFFF", e.messageId()); // Event Dir/Type 6Fh, Event Data 05h FFh FFh
    }

    /** Issue #13 item 5: the inferred S5 the lifecycle writes (22h, ED1 25h, ED3 01h OEM) is marked in Redfish. */
    @Test
    void anInferredAcpiStateSaysSoAndIsMarkedInferred() {
        SystemEvent inferred =
                SelEvents.lifecycle(dev.bmcagent.acpi.lifecycle.LifecycleSelEvents.acpiInferred(AcpiSystemState.S5_G2));
        SystemEvent reported =
                SelEvents.lifecycle(dev.bmcagent.acpi.lifecycle.LifecycleSelEvents.acpi(AcpiSystemState.S5_G2));
        LogEntryView e = RuntimeLogs.entry("9", SelRecord.of(9, 0x2B0D, inferred));
        assertEquals("S5/G2: soft-off (inferred by the BMC, not reported by the host)", e.message());
        assertEquals("0x6F25FF01", e.messageId());
        org.junit.jupiter.api.Assertions.assertTrue(e.inferred());
        LogEntryView r = RuntimeLogs.entry("8", SelRecord.of(8, 0x2B0D, reported));
        assertEquals("S5/G2: soft-off", r.message());
        org.junit.jupiter.api.Assertions.assertFalse(r.inferred());
    }

    @Test
    void firmwareProgressUsesEventData2() {
        assertEquals("Memory initialization", SelText.message(SelEvents.firmwareProgress(0x01)));
        assertEquals("System boot initiated", SelText.message(SelEvents.firmwareProgress(0x13)));
        assertEquals("System Firmware Hang", SelText.message(SelEvents.firmwareHang(0x01)));
        assertEquals(Health.Critical, SelText.severity(SelEvents.firmwareError(0x01)));
        assertEquals("System Restart", SelText.message(SelEvents.systemRestart(0x07)));
        assertEquals("S0/G0: working", SelText.message(SelEvents.acpiState(AcpiSystemState.S0_G0_D0)));
        assertEquals("PXE server not found", SelText.message(SelEvents.bootError(0x02)));
        // issue #13 item 10: the host's interface encoding (ED1 A2h, ED2 index, ED3 protocol) names the protocol
        assertEquals("HTTP(S) boot server not found (NIC2 HTTP(S) IPv6)", SelText.message(bootError(0x02, 0x03)));
        assertEquals("iPXE boot server not found (NIC2 iPXE IPv4)", SelText.message(bootError(0x02, 0x04)));
        assertEquals("PXE server not found (NIC2 PXE IPv4)", SelText.message(bootError(0x02, 0x00)));
    }

    @Test
    void thresholdSeverityAndUnknownTypes() {
        SystemEvent upperCritical = SelEvents.threshold(0x01, 0x30, 0x09, false, 0x5A, 0x55);
        assertEquals("Upper Critical going high", SelText.message(upperCritical));
        assertEquals(Health.Critical, SelText.severity(upperCritical));
        // LogEntry v1_15_0 EntryCode enumeration for threshold offsets (IPMI table 42-1)
        assertEquals("Upper Critical - going high", SelText.entryCode(upperCritical));
        assertEquals(
                "Lower Non-critical - going low",
                SelText.entryCode(SelEvents.threshold(0x01, 0x30, 0x00, false, 0x10, 0x12)));
        assertEquals("Deassert", SelText.entryCode(SelEvents.threshold(0x01, 0x30, 0x09, true, 0x50, 0x55)));
        assertEquals("Assert", SelText.entryCode(SelEvents.firmwareProgress(0x01)));
        assertEquals(Health.Warning, SelText.severity(SelEvents.threshold(0x01, 0x30, 0x07, false, 0x50, 0x4B)));
        assertEquals(Health.OK, SelText.severity(SelEvents.threshold(0x01, 0x30, 0x09, true, 0x50, 0x55)));
        SystemEvent oem = new SystemEvent(0x20, 4, 0xC5, 0x12, 0x6F, 0x03, 0xFF, 0xFF);
        assertEquals("OEM", SelText.sensorType(0xC5));
        // LogEntry v1_15_0 SensorType enumeration spellings, not ipmitool's
        assertEquals("SystemBoot/Restart", SelText.sensorType(SelEvents.TYPE_SYSTEM_RESTART));
        assertEquals("System ACPI PowerState", SelText.sensorType(SelEvents.TYPE_ACPI_POWER_STATE));
        assertEquals("BaseOSBoot/InstallationStatus", SelText.sensorType(SelEvents.TYPE_OS_BOOT));
        assertEquals("Processor", SelText.sensorType(0x07));
        assertEquals("Sensor type 0xC5 offset 0x03", SelText.message(oem));
    }

    /** A boot error as the host sends it: generator 01h, ED1 A2h, ED2 = NIC index, ED3 = protocol flags. */
    private static SystemEvent bootError(int nic, int protocol) {
        return new SystemEvent(
                0x0001,
                SystemEvent.EVM_REV_IPMI_2,
                SelEvents.TYPE_BOOT_ERROR,
                0x06,
                SystemEvent.EVENT_TYPE_SENSOR_SPECIFIC,
                0xA2,
                nic,
                protocol);
    }
}
