package dev.bmcagent.agent.hostif;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Logs a warning per key at most once per interval; the next logged line says how many were suppressed.
 * Protects the log from a peer that sends garbage at line rate.
 */
final class RateLimitedLog {
    private final Logger log;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Instant> lastLogged = new HashMap<>();
    private final Map<String, Long> suppressed = new HashMap<>();

    RateLimitedLog(Logger log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
    }

    synchronized void warn(String key, String format, Object... args) {
        Instant now = clock.instant();
        Instant last = lastLogged.get(key);
        if (last != null && now.isBefore(last.plus(interval))) {
            suppressed.merge(key, 1L, Long::sum);
            return;
        }
        lastLogged.put(key, now);
        Long dropped = suppressed.remove(key);
        if (dropped != null) {
            log.warn(format + " ({} similar suppressed)", append(args, dropped));
        } else {
            log.warn(format, args);
        }
    }

    private static Object[] append(Object[] args, Object extra) {
        Object[] all = new Object[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = extra;
        return all;
    }
}
