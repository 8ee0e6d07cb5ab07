package dev.bmcagent.ipmi.command.storage;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import org.junit.jupiter.api.Test;

/** Storage SDR commands, IPMI 2.0 §33, as ipmitool and FreeIPMI read the repository. */
class SdrCommandsTest {
    private final TestBmc bmc = new TestBmc();

    private IpmiResponse sdr(int cmd, String hex) {
        return bmc.lan(NetFn.STORAGE, cmd, hex);
    }

    private static String ok(IpmiResponse r) {
        assertEquals(CompletionCode.OK, r.completionCode(), r.toString());
        return hex(r.data());
    }

    @Test
    void repositoryInfo() {
        assertEquals(
                "51" // SDR version
                        + " 0E 00" // 14 records: MC locator, FRU locator, 2+5 sensors, inlet, 2 DIMMs, 2 fans
                        + " 00 00" // no free space
                        + " BF BD A7 69" // most recent addition
                        + " FF FF FF FF" // never erased
                        + " 02", // Reserve SDR Repository supported
                ok(sdr(0x20, "")));
    }

    @Test
    void ipmitoolReadsHeaderThenChunks() {
        assertEquals("01 00", ok(sdr(0x22, "")));
        // reservation 0001h, record 0003h (CPU_TEMP), offset 0, 5 header bytes
        assertEquals(
                "04 00" // next record ID
                        + " 03 00 51 01 33", // ID 0003h, SDR 51h, full sensor record, 33h bytes follow
                ok(sdr(0x23, "01 00 03 00 00 05")));
        // offset 05h, 17h bytes (ipmitool's chunk), then offset 1Ch, 17h, then the last 05h
        // owner 20h, LUN 0, sensor 01h, entity 03h.1, init 67h, caps 44h, type 01h, threshold 01h,
        // assertion mask 0A80h (UNC/UCR/UNR going high), deassertion 7A80h (+ upper reading mask),
        // readable 38h, settable 00h, units 00h, degrees C 01h, modifier 00h, linear, M=1 ...
        assertEquals(
                "04 00 20 00 01 03 01 67 44 01 01 80 0A 80 7A 38 00 00 01 00 00 01 00 00 00",
                ok(sdr(0x23, "01 00 03 00 05 17")));
        // bytes 29-51: accuracy, exponents, analog flags, nominal/normal, max FFh, min 00h, UNR 69h (105),
        // UCR 5Fh (95), UNC 55h (85), LNR/LCR/LNC absent, hysteresis, reserved, OEM, C8h (8 ASCII bytes), "CPU"
        assertEquals(
                "04 00 00 00 00 00 00 00 FF 00 69 5F 55 00 00 00 00 00 00 00 00 C8 43 50 55",
                ok(sdr(0x23, "01 00 03 00 1C 17")));
        assertEquals("04 00 5F 54 45 4D 50", ok(sdr(0x23, "01 00 03 00 33 05"))); // "_TEMP"
        assertEquals(
                CompletionCode.CANNOT_RETURN_REQUESTED_BYTES,
                sdr(0x23, "01 00 03 00 33 06").completionCode());
    }

    @Test
    void partialReadAtOddOffset() {
        ok(sdr(0x22, ""));
        // bytes 0Bh-0Dh of the ACPI_STATUS compact record (ID 0005h): capabilities 40h, type 22h, 6Fh
        assertEquals("06 00 40 22 6F", ok(sdr(0x23, "01 00 05 00 0B 03")));
    }

    @Test
    void freeIpmiWholeRecordAndCaFallback() {
        // FFh = the whole record, reservation 0000h at offset 0
        String whole = ok(sdr(0x23, "00 00 05 00 00 FF"));
        assertEquals(2 + 43, whole.split(" ").length); // compact record with 11-byte name
        // a read running past the record end answers CAh; FreeIPMI then reads 16-byte chunks
        assertEquals(
                CompletionCode.CANNOT_RETURN_REQUESTED_BYTES,
                sdr(0x23, "00 00 05 00 00 40").completionCode());
        String reservation = ok(sdr(0x22, ""));
        assertEquals("01 00", reservation);
        assertEquals("06 00 05 00 51 02 26 20 00 03 07 01 67 40 22 6F FF 5F", ok(sdr(0x23, "01 00 05 00 00 10")));
        // deassertion mask 0000h, reading mask 5FFFh, units, sharing 01h, hysteresis, reserved, OEM, CBh = 8-bit
        // ASCII, 11 bytes
        assertEquals("06 00 00 00 FF 5F 00 00 00 01 00 00 00 00 00 00 00 CB", ok(sdr(0x23, "01 00 05 00 10 10")));
    }

    @Test
    void staleReservationAtNonZeroOffsetIsC5() {
        assertEquals(
                CompletionCode.RESERVATION_CANCELLED,
                sdr(0x23, "00 00 03 00 05 10").completionCode());
        ok(sdr(0x22, ""));
        ok(sdr(0x22, ""));
        assertEquals(
                CompletionCode.RESERVATION_CANCELLED,
                sdr(0x23, "01 00 03 00 05 10").completionCode());
        ok(sdr(0x23, "02 00 03 00 05 10"));
    }

    @Test
    void firstLastAndUnknownRecords() {
        assertEquals("02 00 01 00 51 12 0E", ok(sdr(0x23, "00 00 00 00 00 05"))); // 0000h: MC locator
        assertEquals("FF FF 0E 00 51 01 33", ok(sdr(0x23, "00 00 FF FF 00 05"))); // FFFFh: SYS_FAN2 (ID 000Eh)
        assertEquals(CompletionCode.NOT_PRESENT, sdr(0x23, "00 00 34 12 00 05").completionCode());
        ok(sdr(0x22, ""));
        // the MC locator is 19 bytes: offset 13h is past its end
        assertEquals(
                CompletionCode.PARAMETER_OUT_OF_RANGE,
                sdr(0x23, "01 00 00 00 13 01").completionCode());
    }
}
