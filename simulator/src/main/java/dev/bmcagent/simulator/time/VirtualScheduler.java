package dev.bmcagent.simulator.time;

import dev.bmcagent.common.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A discrete-event {@link Scheduler} over a virtual clock: nothing happens until a {@code run*} method is called,
 * then tasks run in order of due time and, for equal times, of scheduling (insertion sequence), so a run is fully
 * deterministic. Time jumps from one event to the next, so hours of fleet boots take seconds.
 *
 * <p>Scheduling is thread-safe (live mode: agent threads may schedule while the pacer runs events); running is
 * single-threaded and not re-entrant. Like an executor, a task that throws is recorded in {@link #failures()} and,
 * if periodic, not run again; the run goes on.
 */
public final class VirtualScheduler implements Scheduler {
    /** Default epoch of a fleet run: fixed, so that timestamps in results are reproducible. */
    public static final Instant DEFAULT_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private static final int MAX_KEPT_FAILURES = 100;

    private final VirtualClock clock;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private long sequence;
    private long executed;
    private long failureCount;
    private boolean running;
    private volatile boolean stopRequested;

    public VirtualScheduler() {
        this(DEFAULT_EPOCH);
    }

    public VirtualScheduler(Instant epoch) {
        this.clock = new VirtualClock(Objects.requireNonNull(epoch, "epoch"));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Current virtual time. */
    public Instant now() {
        return clock.instant();
    }

    /** Virtual time elapsed since the epoch. */
    public Duration elapsed() {
        return Duration.ofNanos(clock.elapsedNanos());
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return enqueue(delay, 0, task);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        long periodNanos = period.toNanos();
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return enqueue(initialDelay, periodNanos, task);
    }

    private Cancellable enqueue(Duration delay, long periodNanos, Runnable task) {
        Objects.requireNonNull(task, "task");
        long delayNanos = Math.max(0, delay.toNanos());
        synchronized (this) {
            Event e = new Event(clock.elapsedNanos() + delayNanos, sequence++, periodNanos, task);
            queue.add(e);
            return e;
        }
    }

    /** Runs every event due at or before {@code deadline}, then sets the clock to the deadline. */
    public void runUntil(Instant deadline) {
        long target = Duration.between(clock.epoch(), deadline).toNanos();
        runLoop(target);
        if (!stopRequested && target > clock.elapsedNanos()) {
            clock.advanceTo(target);
        }
    }

    /** Runs for {@code duration} of virtual time from now. */
    public void runFor(Duration duration) {
        runUntil(now().plus(duration));
    }

    /**
     * Runs until no event is left. A periodic task never lets the queue empty: cancel it, or use
     * {@link #runUntil} / {@link #requestStop}.
     */
    public void runUntilIdle() {
        runLoop(Long.MAX_VALUE);
    }

    /** Makes the current {@code run*} call return after the event that is running; may be called from a task. */
    public void requestStop() {
        stopRequested = true;
    }

    private void runLoop(long targetNanos) {
        synchronized (this) {
            if (running) {
                throw new IllegalStateException("VirtualScheduler.run* is not re-entrant");
            }
            running = true;
        }
        stopRequested = false;
        try {
            while (!stopRequested) {
                Event next = pollDue(targetNanos);
                if (next == null) {
                    return;
                }
                clock.advanceTo(next.due);
                runOne(next);
            }
        } finally {
            synchronized (this) {
                running = false;
            }
        }
    }

    private synchronized Event pollDue(long targetNanos) {
        while (true) {
            Event head = queue.peek();
            if (head == null || head.due > targetNanos) {
                return null;
            }
            queue.poll();
            if (!head.cancelled) {
                return head;
            }
        }
    }

    private void runOne(Event e) {
        executed++;
        try {
            e.task.run();
        } catch (RuntimeException ex) {
            failureCount++;
            synchronized (failures) {
                if (failures.size() < MAX_KEPT_FAILURES) {
                    failures.add(ex);
                }
            }
            e.cancelled = true;
        }
        if (e.period > 0 && !e.cancelled) {
            synchronized (this) {
                e.due += e.period;
                e.seq = sequence++;
                queue.add(e);
            }
        }
    }

    /** Number of events not yet run (cancelled ones may still be counted until they are reached). */
    public synchronized int pending() {
        return queue.size();
    }

    /** Number of task executions so far. */
    public long executed() {
        return executed;
    }

    /** Number of tasks that threw. */
    public long failureCount() {
        return failureCount;
    }

    /** The first exceptions thrown by tasks (at most 100 kept). */
    public List<RuntimeException> failures() {
        synchronized (failures) {
            return Collections.unmodifiableList(new ArrayList<>(failures));
        }
    }

    /** A queued task; ordered by (due, seq). Mutable fields are only touched under the scheduler's lock or by the runner. */
    private static final class Event implements Comparable<Event>, Cancellable {
        private long due;
        private long seq;
        private final long period;
        private final Runnable task;
        private volatile boolean cancelled;

        Event(long due, long seq, long period, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.period = period;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Event o) {
            int byTime = Long.compare(due, o.due);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }
}
