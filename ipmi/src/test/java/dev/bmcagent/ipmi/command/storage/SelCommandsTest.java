package dev.bmcagent.ipmi.command.storage;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SelRecord;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Storage SEL commands through the Dispatcher, IPMI 2.0 §31; requests as ipmitool and FreeIPMI send them. */
class SelCommandsTest {
    private final TestBmc bmc = new TestBmc();

    @BeforeEach
    void threeRecords() {
        bmc.sel.append(SelRecord.of(0, 0, SelEvents.acpiState(AcpiSystemState.S5_G2))); // ID 0001h
        bmc.clock.advance(Duration.ofSeconds(0x10));
        bmc.sel.append(SelRecord.of(0, 0, SelEvents.firmwareProgress(0x01))); // ID 0002h
        bmc.sel.append(SelRecord.of(0, 0, SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED))); // ID 0003h
    }

    private IpmiResponse sel(int cmd, String hex) {
        return bmc.lan(NetFn.STORAGE, cmd, hex);
    }

    private static String ok(IpmiResponse r) {
        assertEquals(CompletionCode.OK, r.completionCode(), r.toString());
        return hex(r.data());
    }

    @Test
    void getSelInfo() {
        assertEquals(
                "51" // SEL version 51h
                        + " 03 00" // 3 entries
                        + " 40 E3" // free: (3639 - 3) x 16 = 58176 = E340h
                        + " CF BD A7 69" // last add: START + 10h = 69A7BDCFh
                        + " FF FF FF FF" // last erase: never
                        + " 0B", // no overflow; delete, reserve, allocation info supported
                ok(sel(0x40, "")));
    }

    @Test
    void getSelAllocationInfo() {
        // IPMI 2.0 §31.3 table 31-3, all sizes but byte 4:5 in allocation units:
        assertEquals(
                "37 0E" // possible allocation units: 3639 = 0E37h
                        + " 10 00" // allocation unit size in bytes: 16
                        + " 34 0E" // free units: 3636 = 0E34h
                        + " 34 0E" // largest free block, in units
                        + " 01", // maximum record size, in units: one (FreeIPMI printed "16 allocation units")
                ok(sel(0x41, "")));
    }

    @Test
    void ipmitoolElistReadsWholeRecordsWithReservationZero() {
        // reservation 0000h, record 0000h (first), offset 00h, length FFh (whole record)
        assertEquals(
                "02 00" // next record ID 0002h
                        + " 01 00 02 BF BD A7 69 20 00 04 22 03 6F 05 FF FF", // record 0001h, stamped START
                ok(sel(0x43, "00 00 00 00 00 FF")));
        assertEquals("03 00 02 00 02 CF BD A7 69 20 00 04 0F 05 6F C2 01 FF", ok(sel(0x43, "00 00 02 00 00 FF")));
        // the last record answers next ID FFFFh
        assertEquals("FF FF 03 00 02 CF BD A7 69 20 00 04 1F 07 6F 06 FF FF", ok(sel(0x43, "00 00 03 00 00 FF")));
    }

    @Test
    void freeIpmiReadsLastRecordFirst() {
        assertEquals("FF FF 03 00 02 CF BD A7 69 20 00 04 1F 07 6F 06 FF FF", ok(sel(0x43, "00 00 FF FF 00 FF")));
    }

    @Test
    void partialReadsNeedTheReservationOnlyAtNonZeroOffsets() {
        // offset 0, 5 bytes, reservation 0: allowed
        assertEquals("03 00 02 00 02 CF BD", ok(sel(0x43, "00 00 02 00 00 05")));
        // offset 0Bh, 5 bytes with a stale reservation: C5h
        assertEquals(
                CompletionCode.RESERVATION_CANCELLED,
                sel(0x43, "34 12 02 00 0B 05").completionCode());
        String reservation = ok(sel(0x42, ""));
        assertEquals("01 00", reservation);
        // record 0001h bytes 0Bh-0Fh: sensor 03h, 6Fh, offset 05h, FFh, FFh; next record 0002h
        assertEquals("02 00 03 6F 05 FF FF", ok(sel(0x43, "01 00 01 00 0B 05")));
        // ... and past the record end: CAh
        assertEquals(
                CompletionCode.CANNOT_RETURN_REQUESTED_BYTES,
                sel(0x43, "01 00 01 00 0B 06").completionCode());
        // a second reservation cancels the first
        assertEquals("02 00", ok(sel(0x42, "")));
        assertEquals(
                CompletionCode.RESERVATION_CANCELLED,
                sel(0x43, "01 00 01 00 0B 05").completionCode());
    }

    @Test
    void missingRecordIsNotPresent() {
        assertEquals(CompletionCode.NOT_PRESENT, sel(0x43, "00 00 34 12 00 FF").completionCode());
        bmc.sel.clear();
        assertEquals(CompletionCode.NOT_PRESENT, sel(0x43, "00 00 00 00 00 FF").completionCode());
        assertEquals(CompletionCode.NOT_PRESENT, sel(0x43, "00 00 FF FF 00 FF").completionCode());
    }

    @Test
    void addSelEntryAssignsIdAndTimestamp() {
        // ID and timestamp in the request are ignored; an OEM-generated system event
        assertEquals("04 00", ok(sel(0x44, "99 99 02 00 00 00 00 41 00 04 1E 06 6F 00 FF FF")));
        assertEquals("FF FF 04 00 02 CF BD A7 69 41 00 04 1E 06 6F 00 FF FF", ok(sel(0x43, "00 00 04 00 00 FF")));
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                sel(0x44, "99 99 07 00 00 00 00 41 00 04 1E 06 6F 00 FF FF").completionCode()); // type 07h
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                bmc.lan(Privilege.USER, NetFn.STORAGE, 0x44, "99 99 02 00 00 00 00 41 00 04 1E 06 6F 00 FF FF")
                        .completionCode());
    }

    @Test
    void deleteNeedsReservation() {
        assertEquals(
                CompletionCode.RESERVATION_CANCELLED, sel(0x46, "00 00 02 00").completionCode());
        ok(sel(0x42, ""));
        assertEquals("02 00", ok(sel(0x46, "01 00 02 00")));
        assertEquals("03 00 01 00 02 BF BD A7 69 20 00 04 22 03 6F 05 FF FF", ok(sel(0x43, "00 00 00 00 00 FF")));
        ok(sel(0x42, ""));
        assertEquals(CompletionCode.NOT_PRESENT, sel(0x46, "02 00 02 00").completionCode());
    }

    @Test
    void clearSelHandshake() {
        assertEquals("01 00", ok(sel(0x42, "")));
        // reservation 0001h, 'C' 'L' 'R', AAh initiate erase → 01h erasure completed
        assertEquals("01", ok(sel(0x47, "01 00 43 4C 52 AA")));
        assertEquals(0, bmc.sel.info().entries());
        // 00h get erasure status → completed
        assertEquals("01", ok(sel(0x47, "01 00 43 4C 52 00")));
        // the erase cancelled the reservation
        assertEquals(
                CompletionCode.RESERVATION_CANCELLED,
                sel(0x47, "01 00 43 4C 52 AA").completionCode());
        ok(sel(0x42, ""));
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                sel(0x47, "02 00 43 4C 51 AA").completionCode()); // "CLQ"
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                sel(0x47, "02 00 43 4C 52 55").completionCode());
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                bmc.lan(Privilege.USER, NetFn.STORAGE, 0x47, "02 00 43 4C 52 AA")
                        .completionCode());
        // SEL info: 0 entries, erase time recorded
        assertEquals("51 00 00 70 E3 CF BD A7 69 CF BD A7 69 0B", ok(sel(0x40, "")));
    }

    @Test
    void overflowFlagInSelInfo() {
        for (int i = 0; i < 3639; i++) {
            bmc.sel.append(SelRecord.of(0, 0, SelEvents.firmwareProgress(0x13)));
        }
        String info = ok(sel(0x40, ""));
        assertEquals("51 37 0E 00 00", info.substring(0, 14)); // 3639 entries, 0 free
        assertEquals("8B", info.substring(info.length() - 2)); // bit 7 overflow
    }

    @Test
    void selTime() {
        assertEquals("CF BD A7 69", ok(sel(0x48, "")));
        assertEquals("", ok(sel(0x49, "78 56 34 12")));
        bmc.clock.advance(Duration.ofSeconds(2));
        assertEquals("7A 56 34 12", ok(sel(0x48, "")));
        bmc.sel.append(SelRecord.of(0, 0, SelEvents.osBoot(6)));
        assertEquals(0x1234567AL, bmc.sel.last().orElseThrow().timestamp());
    }

    @Test
    void wrongLengthsAreC7() {
        assertEquals(CompletionCode.INVALID_LENGTH, sel(0x43, "00 00 00 00 00").completionCode());
        assertEquals(CompletionCode.INVALID_LENGTH, sel(0x40, "00").completionCode());
    }
}
