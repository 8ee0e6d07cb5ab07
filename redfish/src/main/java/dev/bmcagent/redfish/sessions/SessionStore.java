package dev.bmcagent.redfish.sessions;

import dev.bmcagent.redfish.backend.RedfishRole;
import dev.bmcagent.redfish.backend.SessionPersistence;
import dev.bmcagent.redfish.backend.StoredSession;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.Quota;
import dev.bmcagent.redfish.http.TokenResolver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login sessions, kept in a {@link SessionPersistence} so that they survive a restart. Only the SHA-256 of a
 * token is kept (memory and store); a presented token is hashed and looked up. Idle sessions expire after the
 * timeout measured on the injected clock and are then deleted from the store too, as are sessions that are logged
 * out or whose account's {@code sessionStamp} changed (deleted, disabled, new password or role).
 *
 * <p>Last use is written lazily: at most once per {@link #lastUseWriteInterval} per session while it is in use
 * (a write per request would put a journal record behind every GET), and for all sessions at {@link #flush()} on a
 * clean stop. Trade-off: after a crash a session may expire up to that interval early, never late.
 *
 * <p>Accessed from the Vert.x event loop only, hence not synchronised.
 */
public final class SessionStore implements TokenResolver {
    /** Upper bound on how stale a stored last-use time may be while the session is in use. */
    public static final Duration LAST_USE_WRITE_INTERVAL = Duration.ofMinutes(1);
    /** Sessions one non-Administrator account may hold (a tool or two per account, several tools at most). */
    public static final int SESSIONS_PER_ACCOUNT = 8;
    /** Sessions only Administrators may take, so that an Administrator can always log in. */
    public static final int SESSIONS_ADMIN_RESERVE = 8;

    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);

    private final Clock clock;
    private final int maxSessions;
    private final Quota quota;
    private final SessionPersistence persistence;
    private final Function<String, Optional<String>> stamps;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, StoredSession> byId = new LinkedHashMap<>();
    private final Map<String, String> idByTokenHash = new HashMap<>();
    private final Map<String, Instant> writtenLastUse = new HashMap<>();
    private Duration idleTimeout;

    /**
     * @param idleTimeout SessionTimeout unless the persistence holds one (see {@link #restore()})
     * @param stamps      user name → the account's current session stamp, empty when it may not log in
     */
    public SessionStore(
            Clock clock,
            Duration idleTimeout,
            int maxSessions,
            SessionPersistence persistence,
            Function<String, Optional<String>> stamps) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.maxSessions = maxSessions;
        this.quota = Quota.of(maxSessions, SESSIONS_PER_ACCOUNT, SESSIONS_ADMIN_RESERVE);
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.stamps = Objects.requireNonNull(stamps, "stamps");
    }

    /**
     * Loads the stored SessionTimeout and sessions. A session that has been idle too long, whose account's stamp
     * changed, or that is over the limit is deleted from the store. A last-use time in the future (clock set back)
     * counts as now. Returns how many sessions were restored.
     */
    public int restore() {
        persistence.idleTimeout().ifPresent(t -> idleTimeout = t);
        Instant now = clock.instant();
        int restored = 0;
        for (StoredSession stored : persistence.load()) {
            StoredSession s = stored;
            if (s.lastUsed().isAfter(now)) {
                s = s.touched(now);
            }
            String dropped = expired(s, now)
                    ? "idle timeout"
                    : !stamps.apply(s.userName()).equals(Optional.of(s.accountStamp()))
                            ? "account changed"
                            : byId.containsKey(s.id()) || idByTokenHash.containsKey(s.tokenSha256())
                                    ? "duplicate"
                                    : byId.size() >= maxSessions ? "session limit" : null;
            if (dropped != null) {
                LOG.info("stored Redfish session {} of {} dropped: {}", s.id(), s.userName(), dropped);
                persistence.delete(s.id());
                continue;
            }
            put(s, stored.lastUsed());
            restored++;
        }
        return restored;
    }

    /**
     * Creates a session, or empty when the account may not log in or the limit or the account's quota is reached
     * (see {@link Quota}: Administrators are bound by the whole limit only).
     */
    public Optional<NewSession> create(String userName, RedfishRole role) {
        expire();
        Optional<String> stamp = stamps.apply(userName);
        long mine = byId.values().stream()
                .filter(s -> s.userName().equals(userName))
                .count();
        if (!quota.admits(role == RedfishRole.Administrator, mine, byId.size()) || stamp.isEmpty()) {
            return Optional.empty();
        }
        String id;
        do {
            id = hex(5);
        } while (byId.containsKey(id));
        String token = hex(32);
        Instant now = clock.instant();
        StoredSession s = new StoredSession(id, sha256(token), userName, role, stamp.get(), now, now);
        put(s, now);
        persistence.save(s);
        return Optional.of(new NewSession(s, token));
    }

    @Override
    public Optional<Principal> resolve(String token) {
        expire();
        String id = idByTokenHash.get(sha256(token));
        if (id == null) {
            return Optional.empty();
        }
        StoredSession s = byId.get(id);
        if (!stamps.apply(s.userName()).equals(Optional.of(s.accountStamp()))) {
            remove(id);
            return Optional.empty();
        }
        Instant now = clock.instant();
        StoredSession used = s.touched(now);
        byId.put(id, used);
        if (!writtenLastUse.get(id).plus(lastUseWriteInterval()).isAfter(now)) {
            write(used);
        }
        return Optional.of(new Principal(s.userName(), s.role(), Optional.of(s.id())));
    }

    public List<StoredSession> sessions() {
        expire();
        return new ArrayList<>(byId.values());
    }

    public Optional<StoredSession> session(String id) {
        expire();
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Whether this session is still in force (not logged out, not idle too long, its account's stamp unchanged);
     * does not count as use. A session found stale is deleted.
     */
    public boolean valid(String id) {
        expire();
        StoredSession s = byId.get(id);
        if (s == null) {
            return false;
        }
        if (!stamps.apply(s.userName()).equals(Optional.of(s.accountStamp()))) {
            remove(id);
            return false;
        }
        return true;
    }

    /** Logs a session out, durably. */
    public boolean delete(String id) {
        return remove(id);
    }

    /** Ends every session of a user (account deleted or disabled, password or role changed), durably. */
    public void deleteAllOf(String userName) {
        for (StoredSession s : new ArrayList<>(byId.values())) {
            if (s.userName().equals(userName)) {
                remove(s.id());
            }
        }
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Sets SessionTimeout, durably. */
    public void idleTimeout(Duration timeout) {
        this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
        persistence.saveIdleTimeout(timeout);
    }

    public int maxSessions() {
        return maxSessions;
    }

    /** Writes the last-use time of every session whose stored one is stale (clean stop). */
    public void flush() {
        for (StoredSession s : byId.values()) {
            if (!writtenLastUse.get(s.id()).equals(s.lastUsed())) {
                write(s);
            }
        }
    }

    /** A stored last use lags by at most a minute, and by less than half the timeout when that is shorter. */
    Duration lastUseWriteInterval() {
        Duration half = idleTimeout.dividedBy(2);
        return half.compareTo(LAST_USE_WRITE_INTERVAL) < 0 ? half : LAST_USE_WRITE_INTERVAL;
    }

    private void expire() {
        Instant now = clock.instant();
        for (StoredSession s : new ArrayList<>(byId.values())) {
            if (expired(s, now)) {
                remove(s.id());
            }
        }
    }

    private boolean expired(StoredSession s, Instant now) {
        return !s.lastUsed().plus(idleTimeout).isAfter(now);
    }

    private void put(StoredSession s, Instant written) {
        byId.put(s.id(), s);
        idByTokenHash.put(s.tokenSha256(), s.id());
        writtenLastUse.put(s.id(), written);
    }

    private void write(StoredSession s) {
        persistence.save(s);
        writtenLastUse.put(s.id(), s.lastUsed());
    }

    private boolean remove(String id) {
        StoredSession s = byId.remove(id);
        if (s == null) {
            return false;
        }
        idByTokenHash.remove(s.tokenSha256());
        writtenLastUse.remove(id);
        persistence.delete(id);
        return true;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
