package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import java.time.Duration;

/**
 * FAN_STALL: one alert while any fan is stalled, in every power state (a fan is as broken in POST or in S5 as in
 * S0); updated when the set of stalled fans changes, cleared when the last one spins again.
 */
final class FanStall {

    private FanStall() {}

    static void reported(Step s, LifecycleInput.FanStalled f) {
        boolean changed = f.stalled() ? s.stalledFans.add(f.fan()) : s.stalledFans.remove(f.fan());
        if (!changed) {
            return;
        }
        if (s.stalledFans.isEmpty()) {
            s.clear(AlertKind.FAN_STALL, f.fan() + " spins again");
            return;
        }
        Alert alert = new Alert(
                AlertKind.FAN_STALL, "stalled (0 RPM while commanded): " + s.stalledFans, "", Duration.ZERO, s.now);
        if (!s.update(alert)) {
            s.raise(alert);
        }
    }
}
