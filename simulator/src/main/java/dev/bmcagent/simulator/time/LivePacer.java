package dev.bmcagent.simulator.time;

import dev.bmcagent.common.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Live mode: advances a {@link VirtualScheduler} at {@code timeScale} simulated seconds per real second.
 * It never reads a clock itself: it asks a real {@link Scheduler} (the agent's SystemScheduler) for a
 * periodic tick and runs {@code tick × timeScale} of virtual time on each. Virtual events therefore run on
 * the real scheduler's thread; a slow tick delays the next one rather than running two at once. Each tick's
 * virtual events run holding a {@code steps} lock, so that another thread can look at the simulated world between
 * two ticks (live mode's sensor reads, {@code LiveSimulation.betweenSteps}).
 */
public final class LivePacer implements AutoCloseable {
    /** Default real-time tick: 20 ms (50 Hz), fine enough for a live demo and cheap. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(20);

    private final Scheduler.Cancellable ticking;
    private final Duration virtualPerTick;

    private LivePacer(VirtualScheduler virtual, Scheduler real, Duration tick, Duration virtualPerTick, Lock steps) {
        this.virtualPerTick = virtualPerTick;
        this.ticking = real.scheduleAtFixedRate(tick, tick, () -> {
            steps.lock();
            try {
                virtual.runFor(virtualPerTick);
            } finally {
                steps.unlock();
            }
        });
    }

    /**
     * Starts pacing.
     *
     * @param virtual   the simulation's scheduler
     * @param real      a wall-clock scheduler
     * @param timeScale simulated seconds per real second (&gt; 0), e.g. 1 for real time, 60 for a minute per second
     * @param tick      real-time period of one pacing step
     */
    public static LivePacer start(VirtualScheduler virtual, Scheduler real, double timeScale, Duration tick) {
        return start(virtual, real, timeScale, tick, new ReentrantLock());
    }

    /** Same, each tick's events running while holding {@code steps}. */
    public static LivePacer start(
            VirtualScheduler virtual, Scheduler real, double timeScale, Duration tick, Lock steps) {
        Objects.requireNonNull(virtual, "virtual");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(real, "real");
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a positive number: " + timeScale);
        }
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive: " + tick);
        }
        long virtualNanos = Math.round(tick.toNanos() * timeScale);
        if (virtualNanos <= 0) {
            throw new IllegalArgumentException("time scale too small for tick " + tick + ": " + timeScale);
        }
        return new LivePacer(virtual, real, tick, Duration.ofNanos(virtualNanos), steps);
    }

    /** Virtual time run on every real tick. */
    public Duration virtualPerTick() {
        return virtualPerTick;
    }

    @Override
    public void close() {
        ticking.cancel();
    }
}
