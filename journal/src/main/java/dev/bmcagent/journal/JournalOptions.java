package dev.bmcagent.journal;

import dev.bmcagent.common.time.Scheduler;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Journal} makes appends durable.
 *
 * @param fsync         when to fsync (see {@link FsyncPolicy})
 * @param batchInterval group-commit interval for {@link FsyncPolicy#BATCH}
 * @param scheduler     runs the group commit; required for {@code BATCH}, ignored otherwise (may be null)
 * @param health        where write failures (disk full) and recoveries are reported
 */
public record JournalOptions(FsyncPolicy fsync, Duration batchInterval, Scheduler scheduler, StorageHealth health) {
    /** Default group-commit interval: short enough that a power cut loses little, long enough to batch. */
    public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofMillis(10);

    public JournalOptions {
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(batchInterval, "batchInterval");
        Objects.requireNonNull(health, "health");
        if (batchInterval.isNegative() || batchInterval.isZero()) {
            throw new IllegalArgumentException("batchInterval must be > 0, got " + batchInterval);
        }
        if (fsync == FsyncPolicy.BATCH && scheduler == null) {
            throw new IllegalArgumentException("FsyncPolicy.BATCH needs a scheduler for the group commit");
        }
    }

    /** Options whose write failures are reported nowhere but the log and the caller. */
    public JournalOptions(FsyncPolicy fsync, Duration batchInterval, Scheduler scheduler) {
        this(fsync, batchInterval, scheduler, new StorageHealth());
    }

    /** The same options, reporting to {@code health}. */
    public JournalOptions withHealth(StorageHealth health) {
        return new JournalOptions(fsync, batchInterval, scheduler, health);
    }

    /** Process-crash safe, no fsync on append: the default for the agent and the simulator. */
    public static JournalOptions processCrashSafe() {
        return new JournalOptions(FsyncPolicy.NEVER, DEFAULT_BATCH_INTERVAL, null);
    }

    /** fsync on every append. */
    public static JournalOptions fsyncAlways() {
        return new JournalOptions(FsyncPolicy.ALWAYS, DEFAULT_BATCH_INTERVAL, null);
    }

    /** Group commit every {@code interval} on {@code scheduler}. */
    public static JournalOptions groupCommit(Scheduler scheduler, Duration interval) {
        return new JournalOptions(FsyncPolicy.BATCH, interval, scheduler);
    }
}
