package dev.bmcagent.simulator.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a {@link VirtualScheduler}: an epoch plus the virtual nanoseconds elapsed. Only the scheduler
 * advances it; readers on other threads (live mode) see a consistent value through the volatile field.
 */
final class VirtualClock extends Clock {
    private final Instant epoch;
    private volatile long elapsedNanos;

    VirtualClock(Instant epoch) {
        this.epoch = epoch;
    }

    long elapsedNanos() {
        return elapsedNanos;
    }

    void advanceTo(long nanos) {
        if (nanos < elapsedNanos) {
            throw new IllegalStateException("virtual time cannot go back: " + nanos + " < " + elapsedNanos);
        }
        elapsedNanos = nanos;
    }

    Instant epoch() {
        return epoch;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : new Zoned(this, zone);
    }

    /** The same virtual instant seen in another zone. */
    private static final class Zoned extends Clock {
        private final VirtualClock base;
        private final ZoneId zone;

        Zoned(VirtualClock base, ZoneId zone) {
            this.base = base;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return base.withZone(other);
        }

        @Override
        public Instant instant() {
            return base.instant();
        }
    }

    @Override
    public Instant instant() {
        return epoch.plusNanos(elapsedNanos);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
