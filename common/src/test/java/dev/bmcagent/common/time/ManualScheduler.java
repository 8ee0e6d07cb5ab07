package dev.bmcagent.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A hand-advanced {@link Scheduler} for tests: time stands still until {@link #advance} moves it; tasks that
 * fall due run on the advancing thread, in due order, with the clock set to their due time. Thread-safe.
 */
public final class ManualScheduler implements Scheduler {
    private final Object lock = new Object();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now;
    private long nextSeq;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("manual clock is UTC");
        }

        @Override
        public Instant instant() {
            synchronized (lock) {
                return now;
            }
        }
    };

    public ManualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return add(delay, Duration.ZERO, task);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive");
        }
        return add(initialDelay, period, task);
    }

    private Cancellable add(Duration delay, Duration period, Runnable r) {
        synchronized (lock) {
            Handle h = new Handle();
            tasks.add(new Task(now.plus(delay), nextSeq++, period, r, h));
            return () -> {
                synchronized (lock) {
                    h.cancelled = true;
                    tasks.removeIf(x -> x.handle == h);
                }
            };
        }
    }

    /** Moves time forward by {@code d}, running every task that falls due on the way. */
    public void advance(Duration d) {
        Instant target;
        synchronized (lock) {
            target = now.plus(d);
        }
        while (true) {
            Task t;
            synchronized (lock) {
                t = tasks.peek();
                if (t == null || t.due.isAfter(target)) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = t.due;
                if (!t.period.isZero()) {
                    tasks.add(new Task(t.due.plus(t.period), nextSeq++, t.period, t.task, t.handle));
                }
            }
            t.task.run();
        }
    }

    /** Runs tasks due now without moving time. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Tasks waiting (periodic ones count once). */
    public int pending() {
        synchronized (lock) {
            return tasks.size();
        }
    }

    private static final class Handle {
        boolean cancelled;
    }

    private static final class Task implements Comparable<Task> {
        final Instant due;
        final long seq;
        final Duration period;
        final Runnable task;
        final Handle handle;

        Task(Instant due, long seq, Duration period, Runnable task, Handle handle) {
            this.due = due;
            this.seq = seq;
            this.period = period;
            this.task = task;
            this.handle = handle;
        }

        @Override
        public int compareTo(Task o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
