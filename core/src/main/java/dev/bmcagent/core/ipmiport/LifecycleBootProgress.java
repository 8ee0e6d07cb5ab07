package dev.bmcagent.core.ipmiport;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.core.host.HostAgent;
import dev.bmcagent.ipmi.command.sbmr.BootProgressPort;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Arm SBMR boot progress codes → {@code Progress(EfiStatusCode)}; remembers the last one for Get. */
public final class LifecycleBootProgress implements BootProgressPort {
    private final HostAgent agent;
    private final AtomicReference<ProgressCode.EfiStatusCode> last = new AtomicReference<>();

    public LifecycleBootProgress(HostAgent agent) {
        this.agent = Objects.requireNonNull(agent, "agent");
    }

    @Override
    public void report(ProgressCode.EfiStatusCode code) {
        last.set(code);
        agent.submit(new LifecycleInput.Progress(code));
    }

    @Override
    public Optional<ProgressCode.EfiStatusCode> last() {
        return Optional.ofNullable(last.get());
    }
}
