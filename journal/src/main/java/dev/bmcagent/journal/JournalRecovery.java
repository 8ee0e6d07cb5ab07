package dev.bmcagent.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * What opening a journal found.
 *
 * @param records          valid records found
 * @param truncatedAt      offset where the tail was cut off, or -1 if the file ended cleanly
 * @param truncatedBytes   bytes removed with the tail
 * @param skippedOffsets   start offsets of corrupt regions skipped in the middle (valid records followed each)
 * @param staleCompaction  true if a leftover compaction temp file (crash mid-compaction) was deleted
 * @param damaged          true if records may have been lost to corruption (corrupt regions, or a tail that was
 *                         more than an append cut short): ids then resume above the high-water marks
 * @param damagedCopy      where the file was copied, as found, before it was repaired (null when not damaged)
 */
public record JournalRecovery(
        int records,
        long truncatedAt,
        long truncatedBytes,
        List<Long> skippedOffsets,
        boolean staleCompaction,
        boolean damaged,
        Path damagedCopy) {
    public JournalRecovery {
        skippedOffsets = List.copyOf(skippedOffsets);
    }

    /** True if the file needed no repair at all. */
    public boolean clean() {
        return truncatedAt < 0 && skippedOffsets.isEmpty() && !staleCompaction && !damaged;
    }
}
