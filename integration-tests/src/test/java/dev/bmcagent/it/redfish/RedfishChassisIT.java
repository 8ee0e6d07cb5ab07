package dev.bmcagent.it.redfish;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.agent.runtime.HostHardware;
import dev.bmcagent.agent.sensor.Reading;
import dev.bmcagent.agent.sensor.SensorKind;
import dev.bmcagent.agent.sensor.SensorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chassis sensors follow the gates through a boot: unpowered in S5 and gated in S2_D2 they are UnavailableOffline
 * with health OK (not failed), readable in S0; the fan mode is FixedDuty during S2_D2 and Normal in S0.
 */
class RedfishChassisIT {
    static final String CHASSIS = "/redfish/v1/Chassis/host0";
    static final Map<String, Double> VALUES = Map.of("CPU_TEMP", 45.0, "DIMM_TEMP_A0", 38.5, "SYS_FAN1", 5400.0);

    @TempDir
    Path dir;
    RedfishRig rig;
    final AtomicInteger duty = new AtomicInteger(-1);

    @BeforeEach
    void start() throws Exception {
        List<SensorSpec> sensors = List.of(
                new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "hwmon0/temp1_input", GateClass.HOST_ON),
                new SensorSpec("DIMM_TEMP_A0", SensorKind.TEMPERATURE, "smbus:0x18",
                        GateClass.NOT_DURING_FIRMWARE_INIT),
                new SensorSpec("SYS_FAN1", SensorKind.FAN, "hwmon0/fan1_input", GateClass.HOST_ON));
        rig = new RedfishRig(dir, i -> new HostHardware(sensors, s -> new Reading.Value(VALUES.get(s.name())),
                (zone, percent) -> duty.set(percent)));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private JsonNode sensor(String name) {
        return rig.get(CHASSIS + "/Sensors/" + name);
    }

    private String fanMode() {
        return rig.get(CHASSIS + "/ThermalSubsystem").at("/Oem/BmcAgent/FanMode").asText();
    }

    @Test
    void sensorsAndFanModeThroughABoot() {
        await().until(() -> sensor("CPU_TEMP").at("/Status/State").asText().equals("UnavailableOffline"));
        assertTrue(sensor("CPU_TEMP").path("Reading").isMissingNode() || sensor("CPU_TEMP").get("Reading").isNull());
        assertEquals("OK", sensor("CPU_TEMP").at("/Status/Health").asText());

        rig.powerOn();
        RedfishBootIT.firmware(rig);
        await().until(() -> rig.node().state().system() == AcpiSystemState.S2_D2);
        await().until(() -> fanMode().equals("FixedDuty"));
        // the lifecycle opens both gates at S0 only (GateChanged x2 there): nothing is read while UEFI initialises
        assertEquals("UnavailableOffline", sensor("CPU_TEMP").at("/Status/State").asText());
        JsonNode dimm = sensor("DIMM_TEMP_A0");
        System.out.println("DIMM_TEMP_A0 in S2_D2: " + dimm);
        assertEquals("UnavailableOffline", dimm.at("/Status/State").asText());
        assertEquals("OK", dimm.at("/Status/Health").asText());

        RedfishBootIT.rest(rig);
        await().until(() -> sensor("DIMM_TEMP_A0").at("/Status/State").asText().equals("Enabled"));
        assertEquals(38.5, sensor("DIMM_TEMP_A0").get("Reading").asDouble());
        await().until(() -> sensor("CPU_TEMP").at("/Status/State").asText().equals("Enabled"));
        assertEquals(45.0, sensor("CPU_TEMP").get("Reading").asDouble());
        await().until(() -> fanMode().equals("Normal"));
        JsonNode fan = rig.get(CHASSIS + "/ThermalSubsystem/Fans/SYS_FAN1");
        System.out.println("SYS_FAN1 in S0: " + fan);
        assertEquals(5400.0, fan.at("/SpeedPercent/SpeedRPM").asDouble());
        await().until(() -> rig.get(CHASSIS + "/ThermalSubsystem/Fans/SYS_FAN1").at("/SpeedPercent/Reading")
                .asDouble() == duty.get());
    }
}
