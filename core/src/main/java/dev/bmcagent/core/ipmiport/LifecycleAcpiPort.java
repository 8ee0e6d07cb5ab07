package dev.bmcagent.core.ipmiport;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.core.host.HostAgent;
import dev.bmcagent.ipmi.command.app.AcpiPowerState;
import dev.bmcagent.ipmi.command.app.AcpiStatePort;
import java.util.Objects;
import java.util.Optional;

/** Set/Get ACPI Power State over a host agent: reads its state, turns host reports into {@code AcpiReported}. */
public final class LifecycleAcpiPort implements AcpiStatePort {
    private final HostAgent agent;

    public LifecycleAcpiPort(HostAgent agent) {
        this.agent = Objects.requireNonNull(agent, "agent");
    }

    @Override
    public AcpiPowerState current() {
        HostState s = agent.state();
        return new AcpiPowerState(s.system(), s.device());
    }

    @Override
    public void reportFromHost(Optional<AcpiSystemState> system, Optional<AcpiDeviceState> device) {
        agent.submit(new LifecycleInput.AcpiReported(system, device));
    }
}
