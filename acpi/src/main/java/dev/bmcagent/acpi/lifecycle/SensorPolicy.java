package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Sensor gates and fan mode as functions of power and ACPI state (pure), and their application to a transition.
 *
 * <ul>
 *   <li>Power off: HOST_ON, NOT_DURING_FIRMWARE_INIT and POWER_GOOD closed (unavailable, not failed); fans
 *       Normal.</li>
 *   <li>Power on: POWER_GOOD open in every state (fan tachometers read during POST).</li>
 *   <li>Power on, S2_D2 (UEFI platform init): both closed — DIMM devices must not be touched on the shared SMBus and
 *       host-powered sensors are not reliably powered in early POST; fans FixedDuty.</li>
 *   <li>Power on, not yet reporting a working state (S5 until the host reports S2, sleep states, Unknown): both
 *       closed; fans Normal on the always-readable sensors.</li>
 *   <li>Power on, working (S0_G0_D0, or legacy ON): all gates open; fans Normal, or FailSafe while a sensor that
 *       should be readable has failed.</li>
 * </ul>
 * ALWAYS is never closed.
 */
public final class SensorPolicy {

    private SensorPolicy() {
    }

    /** Whether the ACPI state is the working state (S0/G0, or legacy ON). */
    public static boolean working(AcpiSystemState system) {
        return system == AcpiSystemState.S0_G0_D0 || system == AcpiSystemState.LEGACY_ON;
    }

    /** Whether the ACPI state is an off state (soft-off, mechanical off, hibernate, override, legacy off). */
    public static boolean off(AcpiSystemState system) {
        return switch (system) {
            case S4, S5_G2, S4_S5, G3, OVERRIDE, LEGACY_OFF -> true;
            default -> false;
        };
    }

    /** Gate classes closed in this condition. */
    public static Set<GateClass> closedGates(boolean powerOn, AcpiSystemState system) {
        if (!powerOn) {
            return EnumSet.of(GateClass.HOST_ON, GateClass.NOT_DURING_FIRMWARE_INIT, GateClass.POWER_GOOD);
        }
        if (working(system)) {
            return EnumSet.noneOf(GateClass.class);
        }
        return EnumSet.of(GateClass.HOST_ON, GateClass.NOT_DURING_FIRMWARE_INIT);
    }

    /** Fan mode in this condition; FailSafe only when working with a failed sensor. */
    public static FanMode fanMode(boolean powerOn, AcpiSystemState system, boolean sensorFailed) {
        if (!powerOn) {
            return FanMode.Normal;
        }
        if (system == AcpiSystemState.S2_D2) {
            return FanMode.FixedDuty;
        }
        return working(system) && sensorFailed ? FanMode.FailSafe : FanMode.Normal;
    }

    /**
     * Brings gates, failed sensors, fan mode and the FAN_FAILSAFE alert in line with the step's power/ACPI state,
     * emitting SetGate + GateChanged and SetFanMode + FanModeChanged for each change.
     */
    static void apply(Step s) {
        boolean workingNow = s.powerOn && working(s.system);
        if (!workingNow) {
            s.failedSensors.clear();
        }
        Set<GateClass> closed = closedGates(s.powerOn, s.system);
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
        FanMode mode = fanMode(s.powerOn, s.system, !s.failedSensors.isEmpty());
        if (mode != s.fanMode) {
            String reason = reason(s, mode);
            s.fanMode = mode;
            s.effect(new Effect.SetFanMode(mode, reason));
            s.emit(new LifecycleEvent.FanModeChanged(mode, reason, s.now));
        }
        if (mode == FanMode.FailSafe) {
            s.raise(new Alert(AlertKind.FAN_FAILSAFE, "fans in fail-safe: failed " + s.failedSensors, "",
                    Duration.ZERO, s.now));
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
