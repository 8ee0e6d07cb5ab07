package dev.bmcagent.core.ipmiport;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.core.host.HostAgent;
import dev.bmcagent.ipmi.command.oem.MemoryReport;
import dev.bmcagent.ipmi.command.oem.OemCommands;
import dev.bmcagent.ipmi.command.oem.OemHostPort;
import dev.bmcagent.ipmi.command.oem.PendingOrder;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OEM host commands over a host agent: POST codes → {@code Progress(PostCode)}, boot order reports →
 * {@code BootOrderReported} (also remembered here, to name interfaces in boot errors), memory reports →
 * {@code MemoryReported} (the lifecycle keeps both in {@code HostState.reported()}, which Redfish reads), the pending
 * order from {@link PendingBootOrder} (cleared on acknowledge). Memory reports also go to the listeners (the per-slot
 * DIMM inventory).
 */
public final class LifecycleOemPort implements OemHostPort {
    private static final Logger log = LoggerFactory.getLogger(LifecycleOemPort.class);

    private final HostAgent agent;
    private final PendingBootOrder pending;
    private final AtomicReference<List<String>> lastBootOrder = new AtomicReference<>(List.of());
    private final AtomicLong ignoredAcks = new AtomicLong();

    public LifecycleOemPort(HostAgent agent, PendingBootOrder pending) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.pending = Objects.requireNonNull(pending, "pending");
    }

    @Override
    public void postCode(int code) {
        agent.submit(new LifecycleInput.Progress(new ProgressCode.PostCode(code)));
    }

    @Override
    public void bootOrderReported(List<String> options) {
        lastBootOrder.set(List.copyOf(options));
        agent.submit(new LifecycleInput.BootOrderReported(options));
    }

    @Override
    public PendingOrder pendingBootOrder() {
        return pending.snapshot();
    }

    @Override
    public void bootOrderAcknowledged(int status, OptionalInt revision) {
        if (!pending.acknowledge(revision)) {
            log.info(
                    "{}: stale boot-order acknowledge (revision {}): the newer order stays pending",
                    agent.hostId(),
                    revision.getAsInt());
        }
        if (status == OemCommands.ACK_IGNORED) {
            long n = ignoredAcks.incrementAndGet();
            log.warn("{}: firmware ignored the declared boot order (forced priority; {} times)", agent.hostId(), n);
            agent.submit(new LifecycleInput.BootOrderRefused());
        }
    }

    @Override
    public void memoryReported(MemoryReport report) {
        agent.submit(new LifecycleInput.MemoryReported(
                report.populated(), report.expected(), report.totalMiB(), report.slots()));
    }

    /**
     * The boot order the host last reported (empty before its first report), as this adapter received it: it names
     * the interfaces of the host's next boot errors ({@link BootErrorNames}) before the lifecycle has applied the
     * report. Publishers read {@code HostState.reported()} instead.
     */
    public List<String> lastBootOrder() {
        return lastBootOrder.get();
    }

    /** Acknowledges with status 01h (the firmware ignores BootOrder changes). */
    public long ignoredAcknowledgements() {
        return ignoredAcks.get();
    }
}
