package dev.bmcagent.ipmi.session;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code perWindow} log lines per window, so a login flood cannot flood the log. Reports how many
 * lines the previous window suppressed. Not thread-safe.
 */
final class LogRateLimit {
    private final int perWindow;
    private final Duration window;
    private Instant windowStart = Instant.MIN;
    private int used;
    private long suppressed;

    LogRateLimit(int perWindow, Duration window) {
        this.perWindow = perWindow;
        this.window = window;
    }

    /** Lines suppressed in the window that just ended (reported once), or 0. */
    long rollOver(Instant now) {
        if (windowStart == Instant.MIN || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
            long s = suppressed;
            suppressed = 0;
            return s;
        }
        return 0;
    }

    /** Whether one more line may be logged now. */
    boolean allow(Instant now) {
        rollOver(now);
        if (used < perWindow) {
            used++;
            return true;
        }
        suppressed++;
        return false;
    }
}
