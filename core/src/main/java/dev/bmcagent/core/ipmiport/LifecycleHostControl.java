package dev.bmcagent.core.ipmiport;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.core.host.HostAgent;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.host.IdentifyLed;
import dev.bmcagent.ipmi.command.chassis.ChassisAction;
import dev.bmcagent.ipmi.command.chassis.ChassisStatus;
import dev.bmcagent.ipmi.command.chassis.HostControl;
import dev.bmcagent.ipmi.command.chassis.RestartCause;
import java.util.Objects;

/**
 * Get Chassis Status from the host's lifecycle state (power = power-good, cooling fault = fan fail-safe) and
 * Chassis Control → {@code PowerCommand}. Power cycle, reset and NMI need power on, and every action needs a power
 * backend that can carry it out now ({@link HostPowerPort#available}): else D5h (not supported in present state).
 */
public final class LifecycleHostControl implements HostControl {
    /** Channel number reported for a restart caused by a LAN command (channel 1, the LAN channel). */
    public static final int LAN_CHANNEL = 1;

    private final HostAgent agent;
    private final IdentifyLed identify;
    private final HostPowerPort power;
    private volatile boolean lastOnByCommand;
    private volatile RestartCause restartCause = RestartCause.UNKNOWN;
    private volatile int restartChannel;

    public LifecycleHostControl(HostAgent agent, IdentifyLed identify, HostPowerPort power) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.identify = Objects.requireNonNull(identify, "identify");
        this.power = Objects.requireNonNull(power, "power");
    }

    /** Chassis Identify drives the same LED as Redfish IndicatorLED. */
    @Override
    public boolean identify(int seconds, boolean force) {
        identify.identify(seconds, force);
        return true;
    }

    @Override
    public ChassisStatus chassisStatus() {
        HostState s = agent.state();
        return new ChassisStatus(
                s.powerOn(),
                ChassisStatus.RestorePolicy.ALWAYS_OFF,
                false,
                false,
                lastOnByCommand,
                s.fanMode() == FanMode.FailSafe,
                identify.ipmiState());
    }

    @Override
    public Result powerControl(ChassisAction action) {
        boolean on = agent.state().powerOn();
        PowerAction p = switch (action) {
            case POWER_DOWN -> PowerAction.FORCE_OFF;
            case POWER_UP -> PowerAction.ON;
            case POWER_CYCLE -> PowerAction.POWER_CYCLE;
            case HARD_RESET -> PowerAction.HARD_RESET;
            case DIAGNOSTIC_INTERRUPT -> PowerAction.NMI;
            case SOFT_SHUTDOWN -> PowerAction.GRACEFUL_SHUTDOWN;
        };
        if ((!on && p != PowerAction.ON && p != PowerAction.FORCE_OFF) || !power.available(p)) {
            return Result.NOT_IN_PRESENT_STATE;
        }
        if (p == PowerAction.ON || p == PowerAction.POWER_CYCLE || p == PowerAction.HARD_RESET) {
            lastOnByCommand = true;
            restartCause = RestartCause.CHASSIS_CONTROL;
            restartChannel = LAN_CHANNEL;
        }
        agent.submit(new LifecycleInput.PowerCommand(p));
        return Result.DONE;
    }

    @Override
    public RestartCause restartCause() {
        return restartCause;
    }

    @Override
    public int restartChannel() {
        return restartChannel;
    }
}
