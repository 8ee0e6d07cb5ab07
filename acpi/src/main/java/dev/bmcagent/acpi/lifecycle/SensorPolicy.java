package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.policy.SensorGatePolicy;
import java.time.Duration;
import java.util.Set;

/**
 * Applies {@link SensorGatePolicy} (the DIMM-gating rule, the other gates and the fan mode, in the policy package) to
 * a transition: gates, failed sensors, fan mode and the FAN_FAILSAFE alert, with their effects and events.
 */
final class SensorPolicy {

    private SensorPolicy() {}

    /**
     * Brings gates, failed sensors, fan mode and the FAN_FAILSAFE alert in line with the step's power/ACPI state,
     * emitting SetGate + GateChanged and SetFanMode + FanModeChanged for each change.
     */
    static void apply(Step s) {
        boolean workingNow = s.powerOn && SensorGatePolicy.working(s.system);
        if (!workingNow) {
            s.failedSensors.clear();
        }
        Set<GateClass> closed = SensorGatePolicy.closedGates(s.powerOn, s.system);
        for (GateClass gate : GateClass.values()) {
            boolean shouldClose = closed.contains(gate);
            if (shouldClose != s.closedGates.contains(gate)) {
                if (shouldClose) {
                    s.closedGates.add(gate);
                } else {
                    s.closedGates.remove(gate);
                }
                s.effect(new Effect.SetGate(gate, !shouldClose));
                s.emit(new LifecycleEvent.GateChanged(gate, !shouldClose, s.now));
            }
        }
        FanMode mode = SensorGatePolicy.fanMode(s.powerOn, s.system, !s.failedSensors.isEmpty());
        if (mode != s.fanMode) {
            String reason = reason(s, mode);
            s.fanMode = mode;
            s.effect(new Effect.SetFanMode(mode, reason));
            s.emit(new LifecycleEvent.FanModeChanged(mode, reason, s.now));
        }
        if (mode == FanMode.FailSafe) {
            s.raise(new Alert(
                    AlertKind.FAN_FAILSAFE, "fans in fail-safe: failed " + s.failedSensors, "", Duration.ZERO, s.now));
        } else {
            s.clear(AlertKind.FAN_FAILSAFE, workingNow ? "failed sensors recovered" : "host left S0");
        }
    }

    private static String reason(Step s, FanMode mode) {
        if (!s.powerOn) {
            return "host powered off";
        }
        return switch (mode) {
            case FixedDuty -> "S2_D2: firmware initialising, fixed duty";
            case FailSafe -> "sensor failed in " + s.system.dbusName() + ": " + s.failedSensors;
            case Normal -> s.system.dbusName();
        };
    }
}
