package dev.bmcagent.journal;

/**
 * When a journal asks the kernel to push written bytes to the storage device ({@code fsync}).
 *
 * <p>Every append is acknowledged only after its bytes were handed to the operating system with
 * {@code FileChannel.write}: from then on it survives the agent's process dying ({@code kill -9},
 * OOM killer, crash). Surviving a power loss or kernel panic additionally needs {@code fsync},
 * which costs a device flush (typically 0.1-10 ms); this policy chooses that trade-off.
 */
public enum FsyncPolicy {
    /** Never fsync on append (the kernel writes back within seconds). Process-crash safe only. */
    NEVER,
    /**
     * Group commit: a scheduler task fsyncs the journal on a short interval if anything was appended
     * since the last fsync. Power loss loses at most one interval of acknowledged appends.
     */
    BATCH,
    /** fsync before every append is acknowledged. Power-loss safe, slowest. */
    ALWAYS
}
