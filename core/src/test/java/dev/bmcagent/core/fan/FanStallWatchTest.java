package dev.bmcagent.core.fan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanStallWatchTest {
    private static final Instant T = Instant.parse("2026-12-06T03:00:00Z");
    private static final SensorSpec FAN1 = new SensorSpec("SYS_FAN1", SensorKind.FAN, "fan:1", GateClass.POWER_GOOD);
    private static final SensorSpec FAN2 = new SensorSpec("SYS_FAN2", SensorKind.FAN, "fan:2", GateClass.POWER_GOOD);

    private final Map<SensorSpec, SensorValue> readings = new LinkedHashMap<>();
    private final List<LifecycleInput> inputs = new ArrayList<>();
    private int duty = 60;
    private final FanStallWatch watch = new FanStallWatch(() -> readings, () -> duty, inputs::add);

    private void rpm(SensorSpec fan, double value) {
        readings.put(fan, new SensorValue.Available(value, T));
    }

    @Test
    void zeroRpmWhileCommandedOnThreeChecksIsAStallAndSpinningAgainEndsIt() {
        rpm(FAN1, 6700);
        rpm(FAN2, 0);
        watch.check();
        watch.check();
        assertEquals(List.of(), inputs, "two zero readings may be a fan spinning up");
        watch.check();
        watch.check();
        assertEquals(List.of(new LifecycleInput.FanStalled("SYS_FAN2", true)), inputs, "reported once");
        rpm(FAN2, 6500);
        watch.check();
        assertEquals(new LifecycleInput.FanStalled("SYS_FAN2", false), inputs.get(1));
    }

    @Test
    void aFanNotCommandedOrNotReadableIsNeverStalled() {
        duty = 0;
        rpm(FAN1, 0);
        for (int i = 0; i < 5; i++) {
            watch.check();
        }
        duty = 60;
        readings.put(FAN1, new SensorValue.Unavailable(SensorValue.UnavailableReason.UNPOWERED, T));
        for (int i = 0; i < 5; i++) {
            watch.check();
        }
        assertEquals(List.of(), inputs);
    }
}
