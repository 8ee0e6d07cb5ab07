package dev.bmcagent.redfish.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SelSensorTypeTest {

    @Test
    void ipmiSensorTypesMapToTheRedfishSpelling() {
        assertEquals("Temperature", SelSensorType.of(0x01)); // IPMI 2.0 table 42-3, 01h
        assertEquals("Physical Chassis Security", SelSensorType.of(0x05));
        assertEquals("ChipSet", SelSensorType.of(0x19));
        assertEquals("SystemBoot/Restart", SelSensorType.of(0x1D));
        assertEquals("BaseOSBoot/InstallationStatus", SelSensorType.of(0x1F));
        assertEquals("System ACPI PowerState", SelSensorType.of(0x22));
        assertEquals("Watchdog", SelSensorType.of(0x11)); // Watchdog 1
        assertEquals("Watchdog", SelSensorType.of(0x23)); // Watchdog 2
        assertEquals("FRUState", SelSensorType.of(0x2C));
        assertEquals("OEM", SelSensorType.of(0x00));
        assertEquals("OEM", SelSensorType.of(0x2D));
        assertEquals("OEM", SelSensorType.of(0xC5));
    }

    @Test
    void everyMappedNameIsARedfishNameAndIpmiSpellingsAreNot() {
        for (int t = 0; t <= 0xFF; t++) {
            assertTrue(SelSensorType.isRedfishName(SelSensorType.of(t)), Integer.toHexString(t));
        }
        assertFalse(SelSensorType.isRedfishName("System ACPI Power State")); // ipmitool's text
        assertFalse(SelSensorType.isRedfishName("OS Boot"));
        assertFalse(SelSensorType.isRedfishName("System Boot/Restart"));
    }

    @Test
    void logEntryViewRefusesANonRedfishSensorType() {
        Instant t = Instant.parse("2026-11-22T08:00:00Z");
        assertThrows(
                IllegalArgumentException.class,
                () -> new LogEntryView(
                        "1",
                        t,
                        LogEntryType.SEL,
                        "System ACPI Power State",
                        0x03,
                        "Assert",
                        "S5/G2: soft-off",
                        Health.OK,
                        "0x6F060000"));
        assertEquals(
                "System ACPI PowerState",
                new LogEntryView(
                                "1",
                                t,
                                LogEntryType.SEL,
                                "System ACPI PowerState",
                                0x03,
                                "Assert",
                                "S5/G2: soft-off",
                                Health.OK,
                                "0x6F060000")
                        .sensorType());
    }
}
