package dev.bmcagent.agent.redfishport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.SensorState;
import dev.bmcagent.redfish.backend.SensorView;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RuntimeChassisTest {
    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");
    private static final SensorSpec DIMM =
            new SensorSpec("DIMM_TEMP_A0", SensorKind.TEMPERATURE, "smbus:0x18", GateClass.NOT_DURING_FIRMWARE_INIT);

    @Test
    void gatedIsUnavailableOfflineNotFailed() {
        SensorView v = RuntimeChassis.sensor(DIMM, new SensorValue.Unavailable(SensorValue.UnavailableReason.GATED, T));
        assertEquals(SensorState.UnavailableOffline, v.state());
        assertEquals(Health.OK, v.health());
        assertEquals(OptionalDouble.empty(), v.reading());
    }

    @Test
    void availableFailedAndUnknown() {
        SensorView ok = RuntimeChassis.sensor(DIMM, new SensorValue.Available(41.5, T));
        assertEquals(SensorState.Enabled, ok.state());
        assertEquals(OptionalDouble.of(41.5), ok.reading());
        assertEquals("Cel", ok.kind().unit());
        SensorView failed = RuntimeChassis.sensor(DIMM, new SensorValue.Failed("NACK", T));
        assertEquals(Health.Critical, failed.health());
        assertEquals(SensorState.Enabled, failed.state());
        assertEquals(
                SensorState.UnavailableOffline,
                RuntimeChassis.sensor(DIMM, new SensorValue.Unknown(T)).state());
        SensorSpec fan = new SensorSpec("SYS_FAN1", SensorKind.FAN, "hwmon0/fan1_input", GateClass.HOST_ON);
        assertEquals(
                "RPM",
                RuntimeChassis.sensor(fan, new SensorValue.Available(5400, T))
                        .kind()
                        .unit());
    }
}
