package dev.bmcagent.ipmi.command.oem;

/**
 * What the host's firmware found in memory (OEM 30h/14h Report Memory): for Redfish MemorySummary and the
 * "booted with a DIMM missing" case.
 *
 * @param totalMiB  memory the firmware made usable, MiB
 * @param populated DIMMs the firmware initialised
 * @param expected  DIMM slots the platform expects populated
 */
public record MemoryReport(long totalMiB, int populated, int expected) {
    public MemoryReport {
        if (totalMiB < 0 || totalMiB > 0xFFFF_FFFFL || populated < 0 || populated > 0xFF || expected < 0
                || expected > 0xFF) {
            throw new IllegalArgumentException("memory report out of range");
        }
    }

    /** Fewer DIMMs initialised than expected. */
    public boolean dimmsMissing() {
        return populated < expected;
    }
}
