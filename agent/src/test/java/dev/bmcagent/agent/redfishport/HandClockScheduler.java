package dev.bmcagent.agent.redfishport;

import dev.bmcagent.common.time.HandClock;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.common.time.SystemScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A scheduler for whole-agent tests whose clock moves only by hand ({@link #advance}) while delayed work runs on a
 * real {@link SystemScheduler} thread, so journals' group commits and servers behave as in production.
 */
final class HandClockScheduler implements Scheduler, AutoCloseable {
    private final SystemScheduler real = new SystemScheduler("hand-clock-test");
    private final HandClock clock;

    HandClockScheduler(Instant start) {
        this.clock = new HandClock(start);
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return real.schedule(delay, task);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        return real.scheduleAtFixedRate(initialDelay, period, task);
    }

    @Override
    public void close() {
        real.close();
    }
}
