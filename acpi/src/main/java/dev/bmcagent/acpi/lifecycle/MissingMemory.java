package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;

/**
 * MISSING_MEMORY: the firmware initialised fewer DIMMs than the host's last good boot (or, before any good boot,
 * than the platform expects; the one baseline, {@link MemoryBaseline}, which Redfish's Memory resources read too) — the symptom of a BMC read on the DIMM SMBus during SPD enumeration, or of a DIMM that
 * failed training. Raised at the report, cleared by a later report with the DIMMs back. A boot that reaches the OS
 * with the alert active does not become the new baseline, so the loss is not forgotten by booting.
 */
final class MissingMemory {

    private MissingMemory() {}

    static void reported(Step s, LifecycleInput.MemoryReported r) {
        MemoryBaseline before = s.memory;
        int baseline = before.goodBoot() >= 0 ? before.goodBoot() : r.expected();
        Optional<MemoryBaseline.SlotReport> slots = r.slots()
                .map(set -> new MemoryBaseline.SlotReport(set, r.expected(), r.totalMiB()))
                .or(before::slots);
        boolean good = r.populated() == r.expected() && r.populated() >= baseline;
        s.memory = new MemoryBaseline(
                good ? r.populated() : before.goodBoot(),
                r.populated(),
                good ? r.slots().orElse(before.goodSlots()) : before.goodSlots(),
                slots);
        if (r.populated() < baseline) {
            String detail = String.format(
                    Locale.ROOT,
                    "firmware initialised %d DIMMs (%d MiB), %s %d",
                    r.populated(),
                    r.totalMiB(),
                    before.goodBoot() >= 0 ? "last good boot had" : "platform expects",
                    baseline);
            Alert alert = new Alert(
                    AlertKind.MISSING_MEMORY, detail, StuckPreOsDetector.phaseName(s.progress), Duration.ZERO, s.now);
            if (!s.update(alert)) {
                s.raise(alert);
            }
        } else {
            s.clear(AlertKind.MISSING_MEMORY, String.format(Locale.ROOT, "%d DIMMs initialised again", r.populated()));
        }
        record(s, before);
    }

    /**
     * A boot reached the OS: its DIMM count is the new baseline unless memory is missing (with the slots of the last
     * slot report when that report has this boot's count).
     */
    static void osReached(Step s) {
        MemoryBaseline m = s.memory;
        if (m.thisBoot() >= 0 && !s.alerts.containsKey(AlertKind.MISSING_MEMORY)) {
            SortedSet<Integer> slots = m.slots()
                    .map(MemoryBaseline.SlotReport::initialised)
                    .filter(set -> set.size() == m.thisBoot())
                    .orElse(m.goodSlots());
            s.memory = new MemoryBaseline(m.thisBoot(), m.thisBoot(), slots, m.slots());
            record(s, m);
        }
    }

    /** Keeps the record durably when what survives a restart changed. */
    private static void record(Step s, MemoryBaseline before) {
        if (!s.memory.durable().equals(before.durable())) {
            s.effect(new Effect.RecordMemory(s.memory.durable()));
        }
    }
}
