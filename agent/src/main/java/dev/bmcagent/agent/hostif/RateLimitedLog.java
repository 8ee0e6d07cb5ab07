package dev.bmcagent.agent.hostif;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * The host interface's warnings about what a peer sends, through the shared
 * {@link dev.bmcagent.common.log.RateLimitedLog} on the server's injected clock: per kind at most 5 lines per
 * {@code interval}, then a count ("N more like this in the last T s"). Protects the log from a peer that sends
 * garbage at line rate.
 */
final class RateLimitedLog {
    private final dev.bmcagent.common.log.RateLimitedLog log;
    private final Clock clock;

    RateLimitedLog(Logger log, Clock clock, Duration interval) {
        this.log = new dev.bmcagent.common.log.RateLimitedLog(log,
                dev.bmcagent.common.log.RateLimitedLog.DEFAULT_PER_WINDOW, interval);
        this.clock = clock;
    }

    void warn(String key, String format, Object... args) {
        log.warn(clock.instant(), key, format, args);
    }
}
