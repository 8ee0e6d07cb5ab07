package dev.bmcagent.agent.redfishport;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.core.node.HostOperations;
import dev.bmcagent.core.node.HostView;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SystemEvent;
import dev.bmcagent.journal.StorageHealth;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.LogBackend;
import dev.bmcagent.redfish.backend.LogEntryType;
import dev.bmcagent.redfish.backend.LogEntryView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SEL of every host as the Manager's SEL log service (ids: the record id; with several hosts
 * {@code <hostIndex>-<recordId>}), and each host's boot cycles (the {@link BootCycleLog}'s finished ones plus the
 * running one from the lifecycle snapshot) for BootHistory and PostCodes. ClearLog of the SEL is queued on the
 * {@link StoreWriter}; clearing a boot history forgets the cycles Redfish shows (the event history keeps them).
 */
final class RuntimeLogs implements LogBackend {
    private final Map<String, HostOperations> sels = new LinkedHashMap<>();
    private final Map<String, HostView> views = new LinkedHashMap<>();
    private final BootCycleLog cycles;
    private final StoreWriter writer;
    private final StorageHealth storage;

    /** @param nodes the hosts: their SEL ({@link HostOperations}) and running boot cycle ({@link HostView}) */
    <N extends HostView & HostOperations> RuntimeLogs(
            List<N> nodes, BootCycleLog cycles, StoreWriter writer, StorageHealth storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
        for (N n : nodes) {
            sels.put(n.hostId(), n);
            views.put(n.hostId(), n);
        }
        this.cycles = Objects.requireNonNull(cycles, "cycles");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public List<String> storageProblems() {
        return RuntimeManager.problems(storage);
    }

    @Override
    public List<LogEntryView> selEntries() {
        List<LogEntryView> out = new ArrayList<>();
        boolean several = sels.size() > 1;
        for (HostOperations n : sels.values()) {
            SelStore sel = n.sel();
            OptionalInt id = sel.first().map(r -> OptionalInt.of(r.recordId())).orElse(OptionalInt.empty());
            while (id.isPresent()) {
                Optional<SelRecord> r = sel.get(id.getAsInt());
                if (r.isEmpty()) {
                    break;
                }
                String entryId = several
                        ? String.format(Locale.ROOT, "%d-%d", n.index(), r.get().recordId())
                        : Integer.toString(r.get().recordId());
                out.add(entry(entryId, r.get()));
                id = sel.nextId(r.get().recordId());
            }
        }
        return out;
    }

    /** One SEL record as a LogEntry (pure). */
    static LogEntryView entry(String id, SelRecord r) {
        Instant created = Instant.ofEpochSecond(r.timestamp());
        if (!r.isSystemEvent()) {
            return new LogEntryView(
                    id,
                    created,
                    LogEntryType.Oem,
                    "OEM",
                    0,
                    "Assert",
                    String.format(Locale.ROOT, "OEM record type 0x%02X", r.recordType()),
                    Health.OK,
                    LogEntryView.selMessageId(r.content()[0], r.content()[1], r.content()[2], r.content()[3]));
        }
        SystemEvent e = r.event();
        return new LogEntryView(
                id,
                created,
                LogEntryType.SEL,
                SelText.sensorType(e.sensorType()),
                e.sensorNumber(),
                SelText.entryCode(e),
                SelText.message(e),
                SelText.severity(e),
                LogEntryView.selMessageId(e.eventDirType(), e.data1(), e.data2(), e.data3()),
                SelText.inferred(e));
    }

    @Override
    public void clearSel() {
        for (HostOperations n : sels.values()) {
            writer.submit(n.hostId() + " SEL clear", () -> n.sel().clear());
        }
    }

    @Override
    public List<BootCycle> bootCycles(String systemId) {
        HostView n = views.get(systemId);
        if (n == null) {
            return List.of();
        }
        List<BootCycle> out = new ArrayList<>(cycles.finished(systemId));
        n.state().cycle().filter(BootCycle::running).ifPresent(out::add);
        return out;
    }

    @Override
    public void clearBootHistory(String systemId) {
        cycles.clear(systemId);
    }
}
