package dev.bmcagent.agent.store;

import java.util.List;

/**
 * What opening a journal found.
 *
 * @param records          valid records found
 * @param truncatedAt      offset where a torn tail was cut off, or -1 if the file ended cleanly
 * @param truncatedBytes   bytes removed with the torn tail
 * @param skippedOffsets   offsets of corrupt frames skipped in the middle (see {@link Journal})
 * @param staleCompaction  true if a leftover compaction temp file (crash mid-compaction) was deleted
 */
public record JournalRecovery(int records, long truncatedAt, long truncatedBytes, List<Long> skippedOffsets,
                              boolean staleCompaction) {
    public JournalRecovery {
        skippedOffsets = List.copyOf(skippedOffsets);
    }

    /** True if the file needed no repair at all. */
    public boolean clean() {
        return truncatedAt < 0 && skippedOffsets.isEmpty() && !staleCompaction;
    }
}
