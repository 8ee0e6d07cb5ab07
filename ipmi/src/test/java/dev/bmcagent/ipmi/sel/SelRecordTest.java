package dev.bmcagent.ipmi.sel;

import static dev.bmcagent.ipmi.command.TestBmc.bytes;
import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.state.AcpiSystemState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** SEL record layout, IPMI 2.0 §32.1 table 32-1, and the golden records of docs/PROTOCOL-REFERENCE.md. */
class SelRecordTest {
    @Test
    void acpiSoftOffGolden() {
        SelRecord r = SelRecord.of(0x004D, 0x2B0D, SelEvents.acpiState(AcpiSystemState.S5_G2));
        assertEquals(
                "4D 00" // record ID 004Dh, LS first
                        + " 02" // record type: system event
                        + " 0D 2B 00 00" // timestamp 00002B0Dh (below 20000000h: "Pre-Init")
                        + " 20 00" // generator ID: BMC (slave address 20h), channel 0, LUN 0
                        + " 04" // event message revision: IPMI 2.0
                        + " 22" // sensor type: System ACPI Power State
                        + " 03" // sensor number: ACPI_STATUS
                        + " 6F" // assertion, sensor-specific event type
                        + " 05 FF FF", // offset 05h S5/G2 soft-off; event data 2/3 unspecified
                hex(r.encode()));
    }

    @Test
    void acpiWorkingGolden() {
        assertEquals(
                "4D 00 02 0D 2B 00 00 20 00 04 22 03 6F 00 FF FF",
                hex(SelRecord.of(0x4D, 0x2B0D, SelEvents.acpiState(AcpiSystemState.S0_G0_D0))
                        .encode()));
    }

    @Test
    void legacyAndUnknownUseSelOffsetNotCommandCode() {
        assertEquals(0x0B, SelEvents.acpiState(AcpiSystemState.LEGACY_ON).data1()); // command code 20h
        assertEquals(0x0E, SelEvents.acpiState(AcpiSystemState.UNKNOWN).data1()); // command code 2Ah
    }

    @Test
    void restartGolden() {
        // 1Dh System Boot/Restart Initiated, sensor 04h RESTART_CAUSE, offset 07h System Restart
        assertEquals(
                "4D 00 02 0D 2B 00 00 20 00 04 1D 04 6F 07 FF FF",
                hex(SelRecord.of(0x4D, 0x2B0D, SelEvents.restart(SelEvents.RESTART_SYSTEM_RESTART))
                        .encode()));
    }

    @Test
    void firmwareProgressGolden() {
        // 0Fh System Firmware, sensor 05h FW_PROGRESS, ED1 C2h = ED2 holds extension code + offset 02h progress
        assertEquals(
                "4D 00 02 0D 2B 00 00 20 00 04 0F 05 6F C2 01 FF", // 01h memory initialization
                hex(SelRecord.of(0x4D, 0x2B0D, SelEvents.firmwareProgress(0x01)).encode()));
        assertEquals(
                "4D 00 02 0D 2B 00 00 20 00 04 0F 05 6F C2 13 FF", // 13h system boot initiated
                hex(SelRecord.of(0x4D, 0x2B0D, SelEvents.firmwareProgress(0x13)).encode()));
    }

    @Test
    void bootErrorOsBootAndThresholdGolden() {
        assertEquals(
                "01 00 02 00 00 00 20 20 00 04 1E 06 6F 02 FF FF", // 1Eh offset 02h PXE server not found
                hex(SelRecord.of(1, 0x20000000L, SelEvents.bootError(SelEvents.BOOT_ERROR_PXE_SERVER_NOT_FOUND))
                        .encode()));
        assertEquals(
                "02 00 02 00 00 00 20 20 00 04 1F 07 6F 06 FF FF", // 1Fh offset 06h OS boot completed
                hex(SelRecord.of(2, 0x20000000L, SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED))
                        .encode()));
        // 01h temperature, sensor 01h, type 01h threshold, ED1 59h = reading in ED2, threshold in ED3, offset 09h
        // upper critical going high; reading 60h (96), threshold 5Fh (95)
        assertEquals(
                "03 00 02 00 00 00 20 20 00 04 01 01 01 59 60 5F",
                hex(SelRecord.of(3, 0x20000000L, SelEvents.threshold(0x01, 0x01, 0x09, false, 0x60, 0x5F))
                        .encode()));
    }

    @Test
    void decodesSystemEventAndOemRecords() {
        SelRecord r = SelRecord.decode(bytes("4D 00 02 0D 2B 00 00 01 00 04 0F 05 6F C2 13 FF"));
        assertEquals(0x4D, r.recordId());
        assertEquals(0x2B0D, r.timestamp());
        assertEquals(new SystemEvent(0x0001, 4, 0x0F, 5, 0x6F, 0xC2, 0x13, 0xFF), r.event());
        assertTrue(r.timestamp() < SelRecord.PRE_INIT_LIMIT);
        // E0h non-timestamped OEM: 13 OEM bytes follow the type
        SelRecord oem = SelRecord.decode(bytes("34 12 E1 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D"));
        assertEquals(0, oem.timestamp());
        assertEquals("34 12 E1 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D", hex(oem.encode()));
    }

    @Test
    void rejectsUnknownTypeAndWrongLength() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SelRecord.decode(bytes("01 00 03 00 00 00 00 20 00 04 22 03 6F 05 FF FF")));
        assertThrows(IllegalArgumentException.class, () -> SelRecord.decode(new byte[15]));
    }

    @Property
    void timestampedRecordsRoundTrip(
            @ForAll @IntRange(max = 0xFFFF) int id,
            @ForAll @LongRange(max = 0xFFFFFFFFL) long ts,
            @ForAll @IntRange(min = 0xC0, max = 0xDF) int oemType,
            @ForAll @Size(9) byte[] content) {
        SelRecord system = new SelRecord(id, 0x02, ts, content);
        assertEquals(system, SelRecord.decode(system.encode()));
        SelRecord oem = new SelRecord(id, oemType, ts, content);
        assertEquals(oem, SelRecord.decode(oem.encode()));
    }
}
