package dev.bmcagent.acpi.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The host's memory as the lifecycle knows it: the one baseline of the last good boot, which both the MISSING_MEMORY
 * alert and the Redfish Memory resources read, and the boot in progress. A boot is good when its memory report
 * initialised every DIMM the platform expects and no fewer than the last good boot, or when it reached the OS without
 * MISSING_MEMORY active. Everything but {@code thisBoot} is kept durably ({@link Effect.RecordMemory}) and restored at
 * agent start.
 *
 * @param goodBoot  DIMMs initialised in the last good boot; -1 unknown
 * @param thisBoot  DIMMs the firmware reported in the boot in progress (or the last one); -1 none reported
 * @param goodSlots the slots (0-based) of the last good boot; empty when unknown or reported without the slot bitmap
 * @param slots     the last report that carried the slot bitmap (a report with counts only leaves it as it was)
 */
public record MemoryBaseline(int goodBoot, int thisBoot, SortedSet<Integer> goodSlots, Optional<SlotReport> slots) {
    public static final MemoryBaseline UNKNOWN = new MemoryBaseline(-1, -1);

    /**
     * One memory report with its slot bitmap.
     *
     * @param initialised the slots the firmware initialised
     * @param expected    DIMM slots the platform expects populated (slots 0 .. expected-1 are listed)
     * @param totalMiB    usable memory
     */
    public record SlotReport(SortedSet<Integer> initialised, int expected, long totalMiB) {
        public SlotReport {
            initialised = sorted(initialised);
            if (expected < 0 || totalMiB < 0) {
                throw new IllegalArgumentException("negative memory report");
            }
        }
    }

    /** One DIMM slot: present in the last report with the bitmap, and whether the last good boot had a DIMM there. */
    public record Dimm(int slot, boolean present, boolean lost, long capacityMiB) {}

    public MemoryBaseline {
        if (goodBoot < -1 || thisBoot < -1) {
            throw new IllegalArgumentException("DIMM count below -1");
        }
        goodSlots = sorted(goodSlots);
        Objects.requireNonNull(slots, "slots");
    }

    /** Counts only (no slot bitmap seen). */
    public MemoryBaseline(int goodBoot, int thisBoot) {
        this(goodBoot, thisBoot, Collections.emptySortedSet(), Optional.empty());
    }

    /**
     * Every expected slot of the last report with the bitmap (also absent ones), or none before such a report: a DIMM
     * the last good boot had in a slot that is absent now is "lost".
     */
    public List<Dimm> dimms() {
        if (slots.isEmpty()) {
            return List.of();
        }
        SlotReport r = slots.get();
        long each =
                r.initialised().isEmpty() ? 0 : r.totalMiB() / r.initialised().size();
        List<Dimm> out = new ArrayList<>();
        for (int slot = 0; slot < r.expected(); slot++) {
            boolean present = r.initialised().contains(slot);
            out.add(new Dimm(slot, present, !present && goodSlots.contains(slot), present ? each : 0));
        }
        return List.copyOf(out);
    }

    /** What is kept across agent restarts: all but the boot in progress. */
    public MemoryBaseline durable() {
        return new MemoryBaseline(goodBoot, -1, goodSlots, slots);
    }

    /** This record with {@code dimms} reported in the boot in progress. */
    public MemoryBaseline withThisBoot(int dimms) {
        return new MemoryBaseline(goodBoot, dimms, goodSlots, slots);
    }

    private static SortedSet<Integer> sorted(Collection<Integer> slots) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(slots, "slots")));
    }
}
