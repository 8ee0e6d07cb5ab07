package dev.bmcagent.ipmi.sel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SEL's time base: an injected clock plus the offset set by Set SEL Time (IPMI 2.0 §31.11). Give the same
 * instance to the {@link SelStore} (for timestamps) and the SEL commands (for Get/Set SEL Time).
 */
public final class SelClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset;

    public SelClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private SelClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Makes the SEL time read {@code seconds} now; it then advances with the base clock. */
    public void set(long seconds) {
        offset.set(Duration.ofSeconds(seconds).minusSeconds(base.instant().getEpochSecond()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
