package dev.bmcagent.redfish.testing;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.redfish.backend.LogBackend;
import dev.bmcagent.redfish.backend.LogEntryView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryLogs implements LogBackend {
    public final List<LogEntryView> sel = new CopyOnWriteArrayList<>();
    public final Map<String, List<BootCycle>> cycles = new ConcurrentHashMap<>();

    @Override
    public List<LogEntryView> selEntries() {
        return List.copyOf(sel);
    }

    @Override
    public void clearSel() {
        sel.clear();
    }

    @Override
    public List<BootCycle> bootCycles(String systemId) {
        return List.copyOf(cycles.getOrDefault(systemId, List.of()));
    }

    @Override
    public void clearBootHistory(String systemId) {
        cycles.remove(systemId);
    }
}
