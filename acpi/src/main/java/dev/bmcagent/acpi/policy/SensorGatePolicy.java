package dev.bmcagent.acpi.policy;

import dev.bmcagent.acpi.state.AcpiSystemState;
import java.util.EnumSet;
import java.util.Set;

/**
 * The DIMM-gating rule, and the other sensor gates and the fan mode, as pure functions of power and ACPI state. The
 * lifecycle applies them after every input (lifecycle.SensorPolicy: gate and fan effects, events, the FAN_FAILSAFE
 * alert).
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
public final class SensorGatePolicy {

    private SensorGatePolicy() {}

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
}
