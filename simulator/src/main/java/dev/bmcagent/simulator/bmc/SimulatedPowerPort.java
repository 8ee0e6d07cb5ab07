package dev.bmcagent.simulator.bmc;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.simulator.link.HostPowerControl;
import java.util.Objects;

/**
 * The agent's {@link HostPowerPort} onto a simulated host: ON → power on, FORCE_OFF → power off, GRACEFUL_SHUTDOWN →
 * ACPI power button, WARM_RESET and HARD_RESET → reset line (the host reports nothing; its record says
 * {@code HARD_RESET}), POWER_CYCLE → off then on, NMI → diagnostic interrupt.
 */
final class SimulatedPowerPort implements HostPowerPort {
    private final HostPowerControl host;

    SimulatedPowerPort(HostPowerControl host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public void perform(PowerAction action) {
        switch (action) {
            case ON -> host.powerOn();
            case FORCE_OFF -> host.powerOff();
            case GRACEFUL_SHUTDOWN -> host.gracefulShutdown();
            case WARM_RESET, HARD_RESET -> host.reset();
            case POWER_CYCLE -> {
                host.powerOff();
                host.powerOn();
            }
            case NMI -> host.nmi();
        }
    }
}
