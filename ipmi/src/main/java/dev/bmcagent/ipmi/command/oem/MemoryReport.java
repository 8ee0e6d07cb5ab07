package dev.bmcagent.ipmi.command.oem;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the host's firmware found in memory (OEM 30h/14h Report Memory): for Redfish MemorySummary and the
 * "booted with a DIMM missing" case.
 *
 * @param totalMiB  memory the firmware made usable, MiB
 * @param populated DIMMs the firmware initialised
 * @param expected  DIMM slots the platform expects populated
 * @param slots     which slots (0-based) the firmware initialised, when the host sent the optional bitmap; empty
 *                  when it did not (then only the counts are known)
 */
public record MemoryReport(long totalMiB, int populated, int expected, Optional<SortedSet<Integer>> slots) {
    public MemoryReport {
        if (totalMiB < 0
                || totalMiB > 0xFFFF_FFFFL
                || populated < 0
                || populated > 0xFF
                || expected < 0
                || expected > 0xFF) {
            throw new IllegalArgumentException("memory report out of range");
        }
        slots = slots.map(s -> Collections.unmodifiableSortedSet(new TreeSet<>(s)));
        if (slots.isPresent() && slots.get().size() != populated) {
            throw new IllegalArgumentException("slot bitmap disagrees with the populated count");
        }
    }

    /** A report with counts only. */
    public MemoryReport(long totalMiB, int populated, int expected) {
        this(totalMiB, populated, expected, Optional.empty());
    }

    /** Fewer DIMMs initialised than expected. */
    public boolean dimmsMissing() {
        return populated < expected;
    }
}
