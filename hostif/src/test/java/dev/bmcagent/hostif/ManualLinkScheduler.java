package dev.bmcagent.hostif;

import dev.bmcagent.common.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A hand-advanced scheduler for tests: tasks run in the test thread when {@link #advance} passes them. */
final class ManualLinkScheduler implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-02T03:04:05Z");

    private static final class Task {
        final Instant due;
        final Runnable body;
        boolean cancelled;

        Task(Instant due, Runnable body) {
            this.due = due;
            this.body = body;
        }
    }

    @Override
    public synchronized Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay), task);
        tasks.add(t);
        return () -> {
            synchronized (ManualLinkScheduler.this) {
                t.cancelled = true;
            }
        };
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        throw new UnsupportedOperationException("not needed by the host interface");
    }

    synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    /** Moves time forward and runs every task that became due (outside the lock). */
    void advance(Duration by) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(by);
            tasks.removeIf(t -> {
                if (t.cancelled) {
                    return true;
                }
                if (!t.due.isAfter(now)) {
                    due.add(t.body);
                    return true;
                }
                return false;
            });
        }
        due.forEach(Runnable::run);
    }
}
