package dev.bmcagent.journal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bmcagent.ipmi.session.LoginGuard;
import dev.bmcagent.ipmi.session.SourceLockout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one lockout state of every account, shared by IPMI on every host's port and by Redfish (Basic and session
 * login); the rule is written down in docs/SECURITY.md, "Authentication, lockout and quotas".
 *
 * <ol>
 *   <li>Per source: {@code threshold} failures of one account from one address within {@code window} lock that
 *   address out of that account for {@code duration} ({@link SourceLockout}); other addresses are not affected.</li>
 *   <li>Per account: when {@value #ACCOUNT_LOCK_SOURCES} different addresses are locked out of one account at the
 *   same time (distributed guessing), the account is locked for {@code duration} from everywhere.</li>
 * </ol>
 * Every lock is written to the settings store ({@code auth.lockout.<user>/<address hex>} or
 * {@code .../account}) as its absolute end on the injected clock before the refusal goes out, so a restart neither
 * lifts a lock nor starts it again; a stored end more than {@code duration} ahead (clock set back) is cut to
 * {@code duration} from now. Failure counters live in memory only. Thread-safe.
 */
public final class AccountLockouts implements LoginGuard {
    /** Distinct addresses locked out of one account at once that lock the account itself. */
    public static final int ACCOUNT_LOCK_SOURCES = 3;

    static final String PREFIX = "auth.lockout.";
    private static final String ACCOUNT = "account";
    private static final Logger LOG = LoggerFactory.getLogger(AccountLockouts.class);

    private final SourceLockout sources;
    private final SettingsStore settings;
    private final int threshold;
    private final Duration window;
    private final Duration duration;
    private final Map<String, Instant> accountLocks = new ConcurrentHashMap<>();
    private volatile boolean restored;

    public AccountLockouts(int threshold, Duration window, Duration duration, SettingsStore settings) {
        this.sources = new SourceLockout(threshold, window, duration);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.threshold = threshold;
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public boolean rakpAllowed(InetAddress source, Instant now) {
        return sources.rakpAllowed(source, now);
    }

    @Override
    public boolean mayTry(String user, InetAddress source, Instant now) {
        restore(now);
        return !accountLocked(user, now) && sources.mayTry(user, source, now);
    }

    @Override
    public void failed(String user, InetAddress source, Instant now) {
        restore(now);
        Optional<Instant> locked = sources.recordFailure(user, source, now);
        if (locked.isEmpty()) {
            return;
        }
        save(user + "/" + HexFormat.of().formatHex(source.getAddress()), locked.get());
        LOG.warn("login: {} locked out of account '{}' until {}", source.getHostAddress(), user, locked.get());
        long lockedSources = sources.locks(now).keySet().stream()
                .filter(k -> k.user().equals(user))
                .count();
        if (lockedSources >= ACCOUNT_LOCK_SOURCES && !accountLocked(user, now)) {
            Instant until = now.plus(duration);
            accountLocks.put(user, until);
            save(user + "/" + ACCOUNT, until);
            LOG.warn(
                    "login: account '{}' locked until {}: {} addresses are locked out of it",
                    user,
                    until,
                    lockedSources);
        }
    }

    @Override
    public void succeeded(String user, InetAddress source, Instant now) {
        sources.succeeded(user, source, now);
    }

    /** Whether the account itself is locked (from every address); Redfish shows it as {@code Locked}. */
    public boolean accountLocked(String user, Instant now) {
        restore(now);
        Instant until = accountLocks.get(user);
        if (until == null) {
            return false;
        }
        if (now.isBefore(until)) {
            return true;
        }
        accountLocks.remove(user, until);
        return false;
    }

    /** Lifts every lock of this account, durably (an administrator unlocked it, it was deleted or restored). */
    public void unlock(String user, Instant now) {
        restore(now);
        sources.clear(user);
        accountLocks.remove(user);
        settings.snapshot().keySet().stream()
                .filter(k -> k.startsWith(PREFIX + user + "/"))
                .forEach(k -> settings.remove(k).join());
    }

    public Duration duration() {
        return duration;
    }

    public int threshold() {
        return threshold;
    }

    public Duration window() {
        return window;
    }

    private void save(String suffix, Instant until) {
        settings.put(PREFIX + suffix, JsonNodeFactory.instance.textNode(until.toString()))
                .join();
    }

    private void restore(Instant now) {
        if (restored) {
            return;
        }
        synchronized (this) {
            if (restored) {
                return;
            }
            settings.snapshot().forEach((key, value) -> {
                if (key.startsWith(PREFIX)) {
                    restoreOne(key, value.asText(), now);
                }
            });
            restored = true;
        }
    }

    private void restoreOne(String key, String value, Instant now) {
        String rest = key.substring(PREFIX.length());
        int slash = rest.lastIndexOf('/');
        Instant until;
        try {
            until = Instant.parse(value);
        } catch (DateTimeParseException e) {
            LOG.warn("login: stored lock {} unreadable ({}); dropped", key, value);
            settings.remove(key).join();
            return;
        }
        if (slash <= 0 || !now.isBefore(until)) {
            settings.remove(key).join();
            return;
        }
        if (until.isAfter(now.plus(duration))) {
            until = now.plus(duration); // the clock went back: never longer than one lock from now
        }
        String user = rest.substring(0, slash);
        String what = rest.substring(slash + 1);
        if (what.equals(ACCOUNT)) {
            accountLocks.put(user, until);
            return;
        }
        try {
            sources.restore(
                    new SourceLockout.Key(
                            user, InetAddress.getByAddress(HexFormat.of().parseHex(what))),
                    until);
        } catch (UnknownHostException | IllegalArgumentException e) {
            settings.remove(key).join();
        }
    }
}
