package dev.bmcagent.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A scheduler whose clock runs {@code factor} times faster than another scheduler's, from the moment it is made;
 * timers keep the other scheduler's real delays. The demo's hosts boot on a simulated clock paced at
 * {@code timeScale} simulated seconds per real second: the agent's host timeline on this clock measures boot
 * durations, time lost and stuck limits in the same simulated seconds the hosts live in (within one pacing tick).
 */
public final class ScaledScheduler implements Scheduler {
    private final Scheduler real;
    private final Clock clock;

    public ScaledScheduler(Scheduler real, double factor) {
        this.real = Objects.requireNonNull(real, "real");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number > 0: " + factor);
        }
        this.clock = new ScaledClock(real::clock, real.clock().instant(), factor);
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

    /** {@code origin + (base - origin) x factor}, in nanoseconds. */
    static final class ScaledClock extends Clock {
        private final java.util.function.Supplier<Clock> base;
        private final Instant origin;
        private final double factor;

        ScaledClock(java.util.function.Supplier<Clock> base, Instant origin, double factor) {
            this.base = base;
            this.origin = origin;
            this.factor = factor;
        }

        @Override
        public Instant instant() {
            long nanos = Duration.between(origin, base.get().instant()).toNanos();
            return origin.plusNanos(Math.round(nanos * factor));
        }

        @Override
        public ZoneId getZone() {
            return base.get().getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            Clock zoned = base.get().withZone(zone);
            return new ScaledClock(() -> zoned, origin, factor);
        }
    }
}
