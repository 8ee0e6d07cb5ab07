package dev.bmcagent.common.time;

import java.time.Clock;
import java.time.Duration;

/**
 * The only source of time and delayed work in the agent. Production uses {@link SystemScheduler};
 * the simulator supplies a virtual-time implementation so that hours of boots run in seconds.
 * Implementations run tasks one at a time per scheduler unless documented otherwise.
 */
public interface Scheduler {

    /** The clock every timestamp must come from. */
    Clock clock();

    /** Runs {@code task} once after {@code delay} (zero: as soon as possible). */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, first after {@code initialDelay}. */
    Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);

    /** A scheduled task that may be cancelled; cancelling twice or after it ran is harmless. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
