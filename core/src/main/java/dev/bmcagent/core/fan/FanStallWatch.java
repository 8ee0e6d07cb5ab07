package dev.bmcagent.core.fan;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Finds stalled fans: a fan tachometer that reads 0 RPM while the fan loop commands a non-zero duty, on
 * {@link #STALL_READS} checks in a row, is reported to the lifecycle ({@code FanStalled}); a reading above zero
 * reports it running again. Fan tachometers are readable whenever power-good is on (gate POWER_GOOD), so a fan that
 * stops during a long POST is seen, not hidden behind the firmware-init gate. An unavailable reading (host off)
 * neither stalls nor frees a fan. Not thread-safe: run it from one scheduled task.
 */
public final class FanStallWatch {
    /** Consecutive zero readings before a fan counts as stalled: a fan spinning up from 0 reads 0 once or twice. */
    public static final int STALL_READS = 3;

    private final Supplier<Map<SensorSpec, SensorValue>> sensors;
    private final IntSupplier commandedDuty;
    private final Consumer<LifecycleInput> lifecycle;
    private final Map<String, Integer> zeroReads = new HashMap<>();
    private final Set<String> stalled = new HashSet<>();

    public FanStallWatch(
            Supplier<Map<SensorSpec, SensorValue>> sensors,
            IntSupplier commandedDuty,
            Consumer<LifecycleInput> lifecycle) {
        this.sensors = Objects.requireNonNull(sensors, "sensors");
        this.commandedDuty = Objects.requireNonNull(commandedDuty, "commandedDuty");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** One check of every fan against the duty last written. */
    public void check() {
        boolean commanded = commandedDuty.getAsInt() > 0;
        for (Map.Entry<SensorSpec, SensorValue> e : sensors.get().entrySet()) {
            if (e.getKey().kind() != SensorKind.FAN || !(e.getValue() instanceof SensorValue.Available v)) {
                continue;
            }
            String fan = e.getKey().name();
            if (v.value() > 0) {
                zeroReads.remove(fan);
                if (stalled.remove(fan)) {
                    lifecycle.accept(new LifecycleInput.FanStalled(fan, false));
                }
            } else if (commanded) {
                int n = zeroReads.merge(fan, 1, Integer::sum);
                if (n >= STALL_READS && stalled.add(fan)) {
                    lifecycle.accept(new LifecycleInput.FanStalled(fan, true));
                }
            }
        }
    }
}
