package dev.bmcagent.redfish.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhysicalContextTest {

    @ParameterizedTest
    @CsvSource({
        "CPU_TEMP,CPU",
        "INLET_TEMP,Intake",
        "DIMM_TEMP_0,Memory",
        "NIC_TEMP_1,NetworkingDevice",
        "BOARD_TEMP,SystemBoard",
        "SYS_FAN1,Fan",
        "PSU0_TEMP,PowerSupply",
        "cpu0_temp,CPU",
        "MYSTERY,Chassis"
    })
    void sensorNamesMapToRedfishPhysicalContext(String name, String context) {
        assertEquals(context, PhysicalContext.of(name));
    }
}
