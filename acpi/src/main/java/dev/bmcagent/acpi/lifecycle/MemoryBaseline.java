package dev.bmcagent.acpi.lifecycle;

/**
 * DIMM counts behind MISSING_MEMORY.
 *
 * @param goodBoot  DIMMs initialised in the last boot that reached the OS without a MISSING_MEMORY alert; -1 unknown
 * @param thisBoot  DIMMs the firmware reported in the boot in progress (or the last one); -1 none reported
 */
public record MemoryBaseline(int goodBoot, int thisBoot) {
    public static final MemoryBaseline UNKNOWN = new MemoryBaseline(-1, -1);

    public MemoryBaseline {
        if (goodBoot < -1 || thisBoot < -1) {
            throw new IllegalArgumentException("DIMM count below -1");
        }
    }
}
