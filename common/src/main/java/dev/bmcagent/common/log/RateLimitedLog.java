package dev.bmcagent.common.log;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A log for paths anyone can reach without credentials (IPMI pre-session, Redfish refusals, host-interface garbage,
 * MQTT broker refusals): per kind of line ({@code key}, a fixed string such as "open-session-refused", never a peer
 * address), at most {@code perWindow} lines are written per {@code window}; the rest are counted, and the first
 * line of a kind after its window ends is preceded by {@code "N more like this in the last T s: <kind>"}. A flood
 * therefore costs a few lines per window, whatever its rate, and the operator still learns how big it was.
 *
 * <p>The caller passes the time (from its injected {@link java.time.Clock}); this class reads no clock. At most
 * {@link #MAX_KEYS} kinds are tracked; further kinds share one bucket. Thread-safe.
 */
public final class RateLimitedLog {

    public static final int DEFAULT_PER_WINDOW = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    static final int MAX_KEYS = 64;
    private static final String OVERFLOW_KEY = "other";

    private final Logger log;
    private final int perWindow;
    private final Duration window;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private long suppressedTotal;

    /** With the defaults: 5 lines per kind per 10 s. */
    public RateLimitedLog(Logger log) {
        this(log, DEFAULT_PER_WINDOW, DEFAULT_WINDOW);
    }

    public RateLimitedLog(Logger log, int perWindow, Duration window) {
        this.log = Objects.requireNonNull(log, "log");
        if (perWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("perWindow >= 1 and a positive window required");
        }
        this.perWindow = perWindow;
        this.window = window;
    }

    public void warn(Instant now, String key, String format, Object... args) {
        log(Level.WARN, now, key, format, args);
    }

    public void info(Instant now, String key, String format, Object... args) {
        log(Level.INFO, now, key, format, args);
    }

    /** Lines not written since this log was created (for tests and counters). */
    public synchronized long suppressedTotal() {
        return suppressedTotal;
    }

    private void log(Level level, Instant now, String key, String format, Object... args) {
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        long summary;
        Duration span;
        synchronized (this) {
            Bucket b = bucket(key, now);
            summary = 0;
            span = Duration.ZERO;
            if (!now.isBefore(b.start.plus(window))) {
                summary = b.suppressed;
                span = Duration.between(b.start, now);
                b.start = now;
                b.used = 0;
                b.suppressed = 0;
            }
            if (b.used >= perWindow) {
                b.suppressed++;
                suppressedTotal++;
                return;
            }
            b.used++;
        }
        if (summary > 0) {
            write(level, "{} more like this in the last {} s: {}", summary, span.toSeconds(), key);
        }
        write(level, format, args);
    }

    private void write(Level level, String format, Object... args) {
        if (level == Level.WARN) {
            log.warn(format, args);
        } else {
            log.info(format, args);
        }
    }

    private Bucket bucket(String key, Instant now) {
        Bucket b = buckets.get(key);
        if (b == null) {
            String k = buckets.size() < MAX_KEYS ? key : OVERFLOW_KEY;
            b = buckets.computeIfAbsent(k, x -> new Bucket(now));
        }
        return b;
    }

    private static final class Bucket {
        Instant start;
        int used;
        long suppressed;

        Bucket(Instant start) {
            this.start = start;
        }
    }
}
