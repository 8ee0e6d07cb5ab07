package dev.bmcagent.ipmi.sdr;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** SDR record encoders (IPMI 2.0 §43) and linearization (§36.3). */
class SdrRecordsTest {
    @Test
    void mcDeviceLocator() {
        assertEquals(
                "01 00 51 12 0E" // ID 0001h, SDR 51h, type 12h, 14 bytes follow
                        + " 20" // slave address 20h
                        + " 00" // channel 0
                        + " 00" // power state notification / global init
                        + " 9F" // chassis, event receiver (bit 4), FRU inventory, SEL, SDR, sensor device
                        + " 00 00 00" // reserved
                        + " 06 01" // entity: system management module, instance 1
                        + " 00" // OEM
                        + " C3 42 4D 43", // 8-bit ASCII, 3 bytes: "BMC"
                hex(SdrRecords.mcLocator(1, "BMC")));
    }

    @Test
    void fruDeviceLocator() {
        assertEquals(
                "02 00 51 11 0D" // ID 0002h, type 11h, 13 bytes follow
                        + " 20" // device access address
                        + " 00" // FRU device ID 0
                        + " 80" // logical FRU device, LUN 0, bus 0
                        + " 00 00" // channel 0, reserved
                        + " 10 00" // FRU inventory device behind the MC, modifier 0
                        + " 07 01" // entity: system board, instance 1
                        + " 00" // OEM
                        + " C2 46 30", // "F0"
                hex(SdrRecords.fruLocator(2, 0, "F0")));
    }

    @Test
    void compactRecordForAcpiStatus() {
        SensorDefinition acpi = SensorCatalog.standard(0, 0).stream()
                .filter(s -> s.number() == SensorNumbers.ACPI_STATUS)
                .findFirst()
                .orElseThrow();
        byte[] r = SdrRecords.compact(0x1234, acpi);
        assertEquals("34 12 51 02 26 20 00 03 07 01 67 40 22 6F FF 5F 00 00 FF 5F", hex(Arrays.copyOfRange(r, 0, 20)));
        assertEquals(43, r.length);
    }

    @Test
    void linearization() {
        Linearization fan = SensorCatalog.FAN;
        assertEquals(4200.0, fan.toReal(42));
        assertEquals(42, fan.toRaw(4230));
        // M = -3 (10-bit 3FDh), B = 300 (12Ch), Bexp -1, Rexp -2: y = (-3x + 30) / 100
        Linearization odd = new Linearization(Linearization.UNIT_DEGREES_C, -3, 300, -1, -2);
        assertEquals("FD C0 2C 40 00 EF", hex(odd.factorBytes()));
        assertEquals(0.0, odd.toReal(10), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new Linearization(1, 512, 0, 0, 0));
    }

    @Test
    void duplicateSensorNumbersAreRejected() {
        SensorDefinition a = SensorDefinition.discrete(3, "A", 0x22, 7, 1, 1);
        assertThrows(
                IllegalArgumentException.class, () -> SdrRepository.build("BMC", "FRU", java.util.List.of(a, a), 0));
    }

    @Property
    void thresholdStatusMatchesComparisons(@ForAll @IntRange(max = 255) int raw) {
        Thresholds t = Thresholds.upper(85, 95, 105);
        int s = t.status(raw);
        assertEquals(raw >= 85, (s & 0x08) != 0);
        assertEquals(raw >= 95, (s & 0x10) != 0);
        assertEquals(raw >= 105, (s & 0x20) != 0);
        assertEquals(0, s & 0x07);
    }
}
