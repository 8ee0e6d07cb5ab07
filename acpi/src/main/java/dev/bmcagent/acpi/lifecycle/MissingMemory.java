package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import java.time.Duration;
import java.util.Locale;

/**
 * MISSING_MEMORY: the firmware initialised fewer DIMMs than the host's last good boot (or, before any good boot,
 * than the platform expects) — the symptom of a BMC read on the DIMM SMBus during SPD enumeration, or of a DIMM that
 * failed training. Raised at the report, cleared by a later report with the DIMMs back. A boot that reaches the OS
 * with the alert active does not become the new baseline, so the loss is not forgotten by booting.
 */
final class MissingMemory {

    private MissingMemory() {}

    static void reported(Step s, LifecycleInput.MemoryReported r) {
        int baseline = s.memory.goodBoot() >= 0 ? s.memory.goodBoot() : r.expected();
        s.memory = new MemoryBaseline(s.memory.goodBoot(), r.populated());
        if (r.populated() < baseline) {
            String detail = String.format(
                    Locale.ROOT,
                    "firmware initialised %d DIMMs (%d MiB), %s %d",
                    r.populated(),
                    r.totalMiB(),
                    s.memory.goodBoot() >= 0 ? "last good boot had" : "platform expects",
                    baseline);
            Alert alert = new Alert(
                    AlertKind.MISSING_MEMORY, detail, StuckPreOsDetector.phaseName(s.progress), Duration.ZERO, s.now);
            if (!s.update(alert)) {
                s.raise(alert);
            }
        } else {
            s.clear(AlertKind.MISSING_MEMORY, String.format(Locale.ROOT, "%d DIMMs initialised again", r.populated()));
        }
    }

    /** A boot reached the OS: its DIMM count is the new baseline unless memory is missing. */
    static void osReached(Step s) {
        if (s.memory.thisBoot() >= 0 && !s.alerts.containsKey(AlertKind.MISSING_MEMORY)) {
            s.memory = new MemoryBaseline(s.memory.thisBoot(), s.memory.thisBoot());
        }
    }
}
