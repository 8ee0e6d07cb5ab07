package dev.bmcagent.simulator.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.sdr.SensorNumbers;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SystemEvent;
import org.junit.jupiter.api.Test;

/**
 * The simulated host writes its platform events from its own copy of the SEL vocabulary ({@link HostMessages}), an
 * independent oracle of what a BIOS sends: this compares the two tables, so a change to one that the other does not
 * share fails here instead of as a misnamed record in an end-to-end test.
 */
class HostSelVocabularyTest {

    @Test
    void sensorTypesAndNumbersAreTheBmcs() {
        assertEquals(SelEvents.TYPE_SYSTEM_FIRMWARE, HostMessages.SENSOR_TYPE_FW_PROGRESS);
        assertEquals(SelEvents.TYPE_BOOT_ERROR, HostMessages.SENSOR_TYPE_BOOT_ERROR);
        assertEquals(SelEvents.TYPE_OS_BOOT, HostMessages.SENSOR_TYPE_OS_BOOT);
        assertEquals(SensorNumbers.FW_PROGRESS, HostMessages.SENSOR_NUMBER_FW_PROGRESS);
        assertEquals(SensorNumbers.BOOT_ERROR, HostMessages.SENSOR_NUMBER_BOOT_ERROR);
        assertEquals(SensorNumbers.OS_BOOT, HostMessages.SENSOR_NUMBER_OS_BOOT);
    }

    @Test
    void eventHeaderAndOffsetsAreTheBmcs() {
        assertEquals(SystemEvent.GENERATOR_BIOS, HostMessages.GENERATOR_BIOS);
        assertEquals(SystemEvent.EVM_REV_IPMI_2, HostMessages.EVM_REV);
        assertEquals(SystemEvent.EVENT_TYPE_SENSOR_SPECIFIC, HostMessages.EVENT_TYPE_SENSOR_SPECIFIC);
        // event data 1: offset in bits 3:0, the data-byte flags in 7:4 (IPMI 2.0 table 29-6)
        assertEquals(SelEvents.FW_PROGRESS, HostMessages.ED1_FW_PROGRESS & 0x0F);
        assertEquals(0xC0, HostMessages.ED1_FW_PROGRESS & 0xF0, "ED2 = sensor-specific extension code");
        assertEquals(SelEvents.BOOT_ERROR_PXE_SERVER_NOT_FOUND, HostMessages.ED1_BOOT_ERROR_NETWORK & 0x0F);
        assertEquals(0xA0, HostMessages.ED1_BOOT_ERROR_NETWORK & 0xF0, "ED2 and ED3 OEM codes");
        assertEquals(SelEvents.BOOT_ERROR_NO_MEDIA, HostMessages.ED1_BOOT_ERROR_NO_MEDIA);
        assertEquals(SelEvents.OS_BOOT_COMPLETED, HostMessages.ED1_OS_BOOT_COMPLETED);
    }
}
