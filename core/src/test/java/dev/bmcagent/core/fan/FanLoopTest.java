package dev.bmcagent.core.fan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.common.time.ManualScheduler;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanLoopTest {
    private static final Instant T0 = Instant.parse("2026-07-08T09:10:11Z");
    private static final SensorSpec INLET = new SensorSpec("INLET_TEMP", SensorKind.TEMPERATURE, "i", GateClass.ALWAYS);
    private static final SensorSpec CPU = new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "c", GateClass.HOST_ON);
    private static final SensorSpec DIMM =
            new SensorSpec("DIMM_TEMP_A0", SensorKind.TEMPERATURE, "d", GateClass.NOT_DURING_FIRMWARE_INIT);
    private static final SensorSpec FAN1 = new SensorSpec("SYS_FAN1", SensorKind.FAN, "f", GateClass.ALWAYS);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final Map<SensorSpec, SensorValue> sensors = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();
    private final FanLoop loop = new FanLoop(
            "host0",
            2,
            FanPolicy.DEFAULT,
            (zone, pct) -> writes.add(zone + ":" + pct),
            () -> Map.copyOf(sensors),
            scheduler,
            Duration.ofSeconds(1));

    @Test
    void normalFollowsTheHottestAvailableTemperatureEachInterval() {
        sensors.put(INLET, new SensorValue.Available(25, T0));
        sensors.put(CPU, new SensorValue.Available(62.5, T0));
        sensors.put(DIMM, new SensorValue.Failed("EIO", T0));
        sensors.put(FAN1, new SensorValue.Available(9000, T0)); // RPM: not a temperature
        loop.start();
        scheduler.advance(Duration.ofSeconds(1));
        sensors.put(CPU, new SensorValue.Available(85, T0));
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of("2:65", "2:100"), writes);
        assertEquals(100, loop.lastDuty());
    }

    @Test
    void unavailableSensorsNeverDriveFailSafe() {
        sensors.put(INLET, new SensorValue.Available(50, T0));
        loop.step();
        sensors.put(INLET, new SensorValue.Unavailable(SensorValue.UnavailableReason.GATED, T0));
        sensors.put(CPU, new SensorValue.Unavailable(SensorValue.UnavailableReason.UNPOWERED, T0));
        sensors.put(DIMM, new SensorValue.Unavailable(SensorValue.UnavailableReason.GATED, T0));
        loop.step();
        loop.step();
        assertEquals(List.of("2:46", "2:46", "2:46"), writes); // 30 + 70 * 10/45 = 45.6 -> 46, then held
    }

    @Test
    void modesApplyAtOnceAndHoldUntilChanged() {
        sensors.put(CPU, new SensorValue.Available(30, T0));
        loop.start();
        loop.setMode(FanMode.FixedDuty, "S2_D2");
        scheduler.advance(Duration.ofSeconds(2));
        loop.setMode(FanMode.FailSafe, "CPU_TEMP failed in S0");
        scheduler.advance(Duration.ofSeconds(1));
        loop.setMode(FanMode.Normal, "recovered");
        assertEquals(List.of("2:60", "2:60", "2:60", "2:100", "2:100", "2:30"), writes);
        assertEquals(FanMode.Normal, loop.mode());
    }

    @Test
    void aControllerFailureIsCountedAndTheLoopGoesOn() {
        List<Integer> ok = new ArrayList<>();
        int[] calls = {0};
        FanLoop flaky = new FanLoop(
                "host1",
                0,
                FanPolicy.DEFAULT,
                (zone, pct) -> {
                    if (calls[0]++ == 0) {
                        throw new IllegalStateException("EIO on pwm1");
                    }
                    ok.add(pct);
                },
                Map::of,
                scheduler,
                Duration.ofSeconds(1));
        flaky.setMode(FanMode.FailSafe, "test");
        flaky.step();
        assertEquals(1, flaky.writeFailures());
        assertEquals(List.of(100), ok);
    }

    @Test
    void aLoopOverTheControllersZonesWritesEveryZoneAndFailSafeIsChassisWide() {
        List<String> all = new ArrayList<>();
        FanController twoZones = new FanController() {
            @Override
            public void setDuty(int zone, int percent) {
                all.add(zone + ":" + percent);
            }

            @Override
            public List<Integer> zones() {
                return List.of(0, 1);
            }
        };
        FanLoop chassis = new FanLoop(
                "host2", FanPolicy.DEFAULT, twoZones, () -> Map.copyOf(sensors), scheduler, Duration.ofSeconds(1));
        sensors.put(CPU, new SensorValue.Available(30, T0));
        chassis.setMode(FanMode.FailSafe, "CPU_TEMP failed in S0");
        chassis.setMode(FanMode.Normal, "recovered");
        assertEquals(List.of("0:100", "1:100", "0:30", "1:30"), all);
    }
}
