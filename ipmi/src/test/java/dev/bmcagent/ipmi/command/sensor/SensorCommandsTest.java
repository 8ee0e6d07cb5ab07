package dev.bmcagent.ipmi.command.sensor;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.sdr.SensorNumbers;
import org.junit.jupiter.api.Test;

/** Sensor/Event NetFn sensor commands, IPMI 2.0 §35. */
class SensorCommandsTest {
    private final TestBmc bmc = new TestBmc();

    private IpmiResponse se(int cmd, String hex) {
        return bmc.lan(Privilege.USER, NetFn.SENSOR_EVENT, cmd, hex);
    }

    private static String ok(IpmiResponse r) {
        assertEquals(CompletionCode.OK, r.completionCode(), r.toString());
        return hex(r.data());
    }

    @Test
    void realReadingWithThresholdStatus() {
        bmc.readings.put(SensorNumbers.CPU_TEMP, SensorReading.raw(0x60)); // 96 degrees C
        // reading 60h; events + scanning enabled; [7:6] reserved 1b, UNC (bit 3) + UCR (bit 4); byte 4 80h
        assertEquals("60 C0 D8 80", ok(se(0x2D, "01")));
        bmc.readings.put(SensorNumbers.CPU_TEMP, SensorReading.raw(0x2D)); // 45 degrees C
        assertEquals("2D C0 C0 80", ok(se(0x2D, "01")));
    }

    @Test
    void gatedUnpoweredOrFailedReadingIsUnavailableWithoutStatus() {
        // DIMM_TEMP_0 gated during S2_D2: reading unavailable (bit 5), no threshold bits
        bmc.readings.put(SensorNumbers.dimmTemp(0), SensorReading.unavailable());
        assertEquals("00 E0 C0 80", ok(se(0x2D, "10")));
        bmc.readings.put(SensorNumbers.sysFan(1), SensorReading.failed());
        assertEquals("00 E0 C0 80", ok(se(0x2D, "20")));
        assertEquals("E0 00 00 00 00", ok(se(0x2B, "20"))); // event status: nothing asserted
    }

    @Test
    void discreteReading() {
        bmc.readings.put(SensorNumbers.ACPI_STATUS, SensorReading.discrete(1 << 5)); // S5/G2 offset 05h
        assertEquals("00 C0 20 80", ok(se(0x2D, "03")));
        bmc.readings.put(SensorNumbers.ACPI_STATUS, SensorReading.discrete(1 << 14 | 1 << 2)); // unknown + S2
        assertEquals("00 C0 04 C0", ok(se(0x2D, "03")));
    }

    @Test
    void unknownSensorIsCb() {
        assertEquals(CompletionCode.NOT_PRESENT, se(0x2D, "99").completionCode());
        assertEquals(CompletionCode.NOT_PRESENT, se(0x27, "12").completionCode()); // only 2 DIMMs
    }

    @Test
    void thresholdsEnablesStatusAndFactors() {
        // readable mask 38h (UNC/UCR/UNR), LNC, LCR, LNR absent, UNC 55h, UCR 5Fh, UNR 69h
        assertEquals("38 00 00 00 55 5F 69", ok(se(0x27, "01")));
        // fan: LNC 8, LCR 5, LNR 3 (x 100 RPM)
        assertEquals("07 08 05 03 00 00 00", ok(se(0x27, "20")));
        assertEquals(CompletionCode.ILLEGAL_FOR_SENSOR_OR_RECORD, se(0x27, "03").completionCode());
        // CPU_TEMP: events+scanning; assertion 0A80h (UNC/UCR/UNR going high); deassertion the same
        assertEquals("C0 80 0A 80 0A", ok(se(0x29, "01")));
        assertEquals("C0 FF 5F 00 00", ok(se(0x29, "03"))); // ACPI_STATUS offsets 00h-0Ch, 0Eh
        bmc.readings.put(SensorNumbers.CPU_TEMP, SensorReading.raw(0x60));
        assertEquals("C0 80 02 00 00", ok(se(0x2B, "01"))); // UNC going high (bit 7), UCR going high (bit 9)
        // factors: next reading FFh (linear), M = 100 (64h), B = 0, exponents 0
        assertEquals("FF 64 00 00 00 00 00", ok(se(0x23, "20 00")));
        assertEquals("FF 02 00 00 00 00 00", ok(se(0x23, "02 00"))); // CPU_POWER 2 W per count
        assertEquals(
                CompletionCode.ILLEGAL_FOR_SENSOR_OR_RECORD, se(0x23, "05 00").completionCode());
    }
}
