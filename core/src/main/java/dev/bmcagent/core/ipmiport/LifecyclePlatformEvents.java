package dev.bmcagent.core.ipmiport;

import dev.bmcagent.acpi.lifecycle.BootInterface;
import dev.bmcagent.acpi.lifecycle.Effect;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.core.host.HostAgent;
import dev.bmcagent.ipmi.command.sensor.PlatformEventSink;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SystemEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Platform Event Messages from the host (already in the SEL) → lifecycle inputs (IPMI 2.0 table 42-3):
 * <ul>
 *   <li>0Fh System Firmware: offset 02h → {@code Progress(IpmiFirmwareProgress(ED2))}, 00h error / 01h hang →
 *       {@code FirmwareProblem}</li>
 *   <li>1Eh Boot Error → {@code BootError}: the kind from the offset; with ED1 bits 7:6 = 10b, ED2 is the
 *       interface index and ED3 the protocol (bit 1 HTTP(S), bit 0 IPv6) — see {@link BootErrorNames}</li>
 *   <li>1Fh OS Boot, any "boot completed" offset 00h-06h → {@code OsBootComplete}</li>
 * </ul>
 * Deassertions and other sensor types are ignored (they stay in the SEL).
 */
public final class LifecyclePlatformEvents implements PlatformEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(LifecyclePlatformEvents.class);
    private final HostAgent agent;
    private final Supplier<List<String>> lastBootOrder;
    private final SelStore sel;

    /**
     * @param lastBootOrder the host's last reported boot order, to name the interface of a boot error
     * @param sel           the host's SEL, where the host's own record goes when the lifecycle writes none for it
     */
    public LifecyclePlatformEvents(HostAgent agent, Supplier<List<String>> lastBootOrder, SelStore sel) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.lastBootOrder = Objects.requireNonNull(lastBootOrder, "lastBootOrder");
        this.sel = Objects.requireNonNull(sel, "sel");
    }

    @Override
    public void onPlatformEvent(SelRecord stored) {
        if (stored.isSystemEvent()) {
            toInput(stored.event(), lastBootOrder.get()).ifPresent(agent::submit);
        }
    }

    /**
     * Events the lifecycle understands are recorded by it (BMC-owned SEL records), so they appear once. When the
     * lifecycle writes no record for one (a duplicate progress code, a repeated OS boot, progress after the OS, a
     * report while power is off) or fails, the host's record is stored as sent: nothing the host reports is lost.
     */
    @Override
    public boolean recordsItself(SelRecord event) {
        if (!event.isSystemEvent()) {
            return false;
        }
        Optional<LifecycleInput> input = toInput(event.event(), lastBootOrder.get());
        input.ifPresent(in -> recordThroughLifecycle(in, event));
        return input.isPresent();
    }

    // whenComplete's own future would only carry an exception thrown by sel.append, which the guard below logs.
    @SuppressWarnings("FutureReturnValueIgnored")
    private void recordThroughLifecycle(LifecycleInput in, SelRecord event) {
        agent.submit(in).whenComplete((t, failed) -> {
            if (failed != null || t.effects().stream().noneMatch(e -> e instanceof Effect.AppendSel)) {
                try {
                    sel.append(event);
                } catch (RuntimeException e) {
                    LOG.error("cannot store the host's SEL record {}", event, e);
                }
            }
        });
    }

    /** The lifecycle input for one event, empty when it carries none. Pure. */
    public static Optional<LifecycleInput> toInput(SystemEvent e, List<String> bootOrder) {
        if (e.deassertion() || e.eventType() != SystemEvent.EVENT_TYPE_SENSOR_SPECIFIC) {
            return Optional.empty();
        }
        int offset = e.offset();
        switch (e.sensorType()) {
            case SelEvents.TYPE_SYSTEM_FIRMWARE -> {
                if (offset == SelEvents.FW_PROGRESS) {
                    return Optional.of(new LifecycleInput.Progress(new ProgressCode.IpmiFirmwareProgress(e.data2())));
                }
                if (offset == SelEvents.FW_ERROR || offset == SelEvents.FW_HANG) {
                    return Optional.of(new LifecycleInput.FirmwareProblem(
                            offset == SelEvents.FW_ERROR
                                    ? LifecycleInput.FirmwareProblemKind.ERROR
                                    : LifecycleInput.FirmwareProblemKind.HANG,
                            e.data2()));
                }
                return Optional.empty();
            }
            case SelEvents.TYPE_BOOT_ERROR -> {
                return bootErrorKind(offset)
                        .map(kind -> new LifecycleInput.BootError(
                                kind,
                                BootErrorNames.interfaceName(e.data1(), e.data2(), e.data3(), bootOrder),
                                BootInterface.decode(e.data1(), e.data2(), e.data3())));
            }
            case SelEvents.TYPE_OS_BOOT -> {
                return offset <= SelEvents.OS_BOOT_COMPLETED
                        ? Optional.of(new LifecycleInput.OsBootComplete())
                        : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<LifecycleInput.BootErrorKind> bootErrorKind(int offset) {
        for (LifecycleInput.BootErrorKind k : LifecycleInput.BootErrorKind.values()) {
            if (k.selOffset() == offset) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
