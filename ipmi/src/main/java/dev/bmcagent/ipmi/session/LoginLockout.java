package dev.bmcagent.ipmi.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Locks a user out after {@code threshold} failed logins within {@code window}, for {@code duration}. Only
 * proven failures count (a wrong RAKP 3 HMAC or a console rejecting RAKP 2), never unfinished Open
 * Sessions, so a flood of half-open handshakes cannot lock out a legitimate user. Not thread-safe.
 */
final class LoginLockout {
    /** Distinct users tracked at most; the oldest entries go first. */
    private static final int MAX_TRACKED = 1024;

    private final int threshold;
    private final Duration window;
    private final Duration duration;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Instant> lockedUntil = new HashMap<>();

    LoginLockout(int threshold, Duration window, Duration duration) {
        this.threshold = threshold;
        this.window = window;
        this.duration = duration;
    }

    boolean isLocked(String user, Instant now) {
        Instant until = lockedUntil.get(user);
        if (until == null) {
            return false;
        }
        if (!now.isBefore(until)) {
            lockedUntil.remove(user);
            return false;
        }
        return true;
    }

    /** Records a failure; returns true when this failure locked the user. */
    boolean recordFailure(String user, Instant now) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(user)) {
            prune(now);
        }
        Deque<Instant> times = failures.computeIfAbsent(user, u -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.removeFirst();
        }
        if (times.size() >= threshold) {
            times.clear();
            failures.remove(user);
            lockedUntil.put(user, now.plus(duration));
            return true;
        }
        return false;
    }

    void recordSuccess(String user) {
        failures.remove(user);
    }

    private void prune(Instant now) {
        Iterator<Map.Entry<String, Deque<Instant>>> it = failures.entrySet().iterator();
        while (it.hasNext()) {
            Deque<Instant> d = it.next().getValue();
            if (d.isEmpty() || d.peekLast().isBefore(now.minus(window))) {
                it.remove();
            }
        }
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
    }
}
