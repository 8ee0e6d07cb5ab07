package dev.bmcagent.ipmi.session;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory {@link LoginGuard}: {@code threshold} failures by one source address for one user within
 * {@code window} lock that source out of that user for {@code duration}; other sources are not affected, so a
 * stranger guessing the admin's password locks himself out, not the admin. RAKP 1 is rate limited per source with a
 * token bucket of {@value #RAKP_BURST} refilled at {@value #RAKP_PER_SECOND} per second (by default). Both tables hold at most
 * {@value #MAX_TRACKED} entries (stale ones are pruned first; under a flood of fresh addresses the oldest counters
 * go, never a lock). Thread-safe.
 */
public final class SourceLockout implements LoginGuard {
    /** RAKP 1 messages one address may send at once (ipmitool and FreeIPMI send one per login). */
    public static final int RAKP_BURST = 50;
    /** Sustained RAKP 1 messages per second and source address. */
    public static final int RAKP_PER_SECOND = 20;

    static final int MAX_TRACKED = 4096;

    private final int rakpBurst;
    private final int rakpPerSecond;
    private final int threshold;
    private final Duration window;
    private final Duration duration;
    private final Map<Key, Failures> failures = new HashMap<>();
    private final Map<Key, Instant> lockedUntil = new HashMap<>();
    private final Map<InetAddress, Bucket> buckets = new HashMap<>();

    /**
     * One user as seen from one source address. Its {@code equals}/{@code hashCode} are written out: a record's
     * generated ones go through method handles (ObjectMethods), many calls deep while interpreted, and logins are too
     * rare for the JIT to compile them.
     */
    public record Key(String user, InetAddress source) {
        public Key {
            if (user == null || source == null) {
                throw new NullPointerException("user and source are required");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && user.equals(k.user) && source.equals(k.source);
        }

        @Override
        public int hashCode() {
            return 31 * user.hashCode() + source.hashCode();
        }
    }

    private record Failures(Instant first, int count) {}

    private record Bucket(double tokens, Instant at) {}

    public SourceLockout(int threshold, Duration window, Duration duration) {
        this(threshold, window, duration, RAKP_BURST, RAKP_PER_SECOND);
    }

    /**
     * With another RAKP 1 rate limit: benchmarks that log in back to back from one address (hyperfine running
     * ipmitool) lift it; the lockout still applies.
     */
    public SourceLockout(int threshold, Duration window, Duration duration, int rakpBurst, int rakpPerSecond) {
        if (threshold < 1 || rakpBurst < 1 || rakpPerSecond < 1) {
            throw new IllegalArgumentException("threshold, rakpBurst and rakpPerSecond must be >= 1");
        }
        this.rakpBurst = rakpBurst;
        this.rakpPerSecond = rakpPerSecond;
        this.threshold = threshold;
        this.window = window;
        this.duration = duration;
    }

    @Override
    public synchronized boolean rakpAllowed(InetAddress source, Instant now) {
        Bucket b = buckets.get(source);
        if (b == null && buckets.size() >= MAX_TRACKED) {
            buckets.values().removeIf(x -> refill(x, now) >= rakpBurst);
            if (buckets.size() >= MAX_TRACKED) {
                buckets.clear();
            }
        }
        double tokens = b == null ? rakpBurst : refill(b, now);
        if (tokens < 1) {
            buckets.put(source, new Bucket(tokens, now));
            return false;
        }
        buckets.put(source, new Bucket(tokens - 1, now));
        return true;
    }

    private double refill(Bucket b, Instant now) {
        // seconds since the bucket's last update; plain arithmetic rather than Duration.between (see Key)
        double seconds =
                Math.max(0, (now.getEpochSecond() - b.at.getEpochSecond()) + (now.getNano() - b.at.getNano()) / 1e9);
        return Math.min(rakpBurst, b.tokens + seconds * rakpPerSecond);
    }

    @Override
    public synchronized boolean mayTry(String user, InetAddress source, Instant now) {
        return lockedUntil(new Key(user, source), now).isEmpty();
    }

    @Override
    public void failed(String user, InetAddress source, Instant now) {
        recordFailure(user, source, now);
    }

    /** Counts a failure; returns the end of the lock when this failure locked the source out of the user. */
    public synchronized Optional<Instant> recordFailure(String user, InetAddress source, Instant now) {
        Key k = new Key(user, source);
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(k)) {
            prune(now);
        }
        Failures old = failures.get(k);
        Failures f = old == null || !now.isBefore(old.first.plus(window))
                ? new Failures(now, 1)
                : new Failures(old.first, old.count + 1);
        if (f.count < threshold) {
            failures.put(k, f);
            return Optional.empty();
        }
        failures.remove(k);
        Instant until = now.plus(duration);
        lockedUntil.put(k, until);
        return Optional.of(until);
    }

    @Override
    public synchronized void succeeded(String user, InetAddress source, Instant now) {
        failures.remove(new Key(user, source));
    }

    /** The end of the lock of this source for this user, if it is locked now. */
    public synchronized Optional<Instant> lockedUntil(Key k, Instant now) {
        Instant until = lockedUntil.get(k);
        if (until == null) {
            return Optional.empty();
        }
        if (!now.isBefore(until)) {
            lockedUntil.remove(k);
            return Optional.empty();
        }
        return Optional.of(until);
    }

    /** Every lock in force now (for persistence and for showing an account as locked). */
    public synchronized Map<Key, Instant> locks(Instant now) {
        lockedUntil.values().removeIf(until -> !now.isBefore(until));
        return Map.copyOf(lockedUntil);
    }

    /** Puts back a lock read from storage. */
    public synchronized void restore(Key k, Instant until) {
        lockedUntil.merge(k, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Forgets every lock and failure of this user (an administrator unlocked it, or it was deleted). */
    public synchronized void clear(String user) {
        lockedUntil.keySet().removeIf(k -> k.user.equals(user));
        failures.keySet().removeIf(k -> k.user.equals(user));
    }

    public Duration duration() {
        return duration;
    }

    private void prune(Instant now) {
        Iterator<Map.Entry<Key, Failures>> it = failures.entrySet().iterator();
        while (it.hasNext()) {
            if (!now.isBefore(it.next().getValue().first.plus(window))) {
                it.remove();
            }
        }
        if (failures.size() >= MAX_TRACKED) {
            failures.keySet().stream()
                    .min((a, b) -> failures.get(a).first.compareTo(failures.get(b).first))
                    .ifPresent(failures::remove);
        }
    }
}
