package dev.bmcagent.redfish.backend;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import java.util.List;

/** The BMC's SEL and each host's boot history (boot cycles with their phases and POST codes). */
public interface LogBackend {

    /** Why new log entries cannot be stored right now (disk full); empty when they can. See ManagerBackend. */
    default List<String> storageProblems() {
        return List.of();
    }

    /** SEL records, oldest first. */
    List<LogEntryView> selEntries();

    /** Clears the SEL (records the clear in the SEL as IPMI does). */
    void clearSel();

    /** Boot cycles of a host, oldest first, current (running) cycle last; empty for an unknown host. */
    List<BootCycle> bootCycles(String systemId);

    /** Forgets a host's boot history (PostCodes/BootHistory ClearLog). */
    void clearBootHistory(String systemId);
}
