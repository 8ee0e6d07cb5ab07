package dev.bmcagent.redfish.sessions;

import dev.bmcagent.redfish.backend.Role;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.TokenResolver;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions in memory (they do not survive a restart, as on most BMCs). Idle sessions expire after the timeout
 * measured on the injected clock. Accessed from the Vert.x event loop only, hence not synchronised.
 */
public final class SessionStore implements TokenResolver {

    private final Clock clock;
    private final int maxSessions;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byId = new LinkedHashMap<>();
    private Duration idleTimeout;

    public SessionStore(Clock clock, Duration idleTimeout, int maxSessions) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.maxSessions = maxSessions;
    }

    /** Creates a session, or empty when the limit is reached. */
    public Optional<Session> create(String userName, Role role) {
        expire();
        if (byId.size() >= maxSessions) {
            return Optional.empty();
        }
        String id;
        do {
            id = hex(5);
        } while (byId.containsKey(id));
        Instant now = clock.instant();
        Session s = new Session(id, hex(32), userName, role, now, now);
        byId.put(id, s);
        return Optional.of(s);
    }

    @Override
    public Optional<Principal> resolve(String token) {
        expire();
        for (Session s : byId.values()) {
            if (MessageDigest.isEqual(s.token().getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.US_ASCII))) {
                byId.put(s.id(), s.touched(clock.instant()));
                return Optional.of(new Principal(s.userName(), s.role(), Optional.of(s.id())));
            }
        }
        return Optional.empty();
    }

    public List<Session> sessions() {
        expire();
        return new ArrayList<>(byId.values());
    }

    public Optional<Session> session(String id) {
        expire();
        return Optional.ofNullable(byId.get(id));
    }

    public boolean delete(String id) {
        return byId.remove(id) != null;
    }

    /** Ends every session of a user (account deleted or disabled). */
    public void deleteAllOf(String userName) {
        byId.values().removeIf(s -> s.userName().equals(userName));
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public void idleTimeout(Duration timeout) {
        this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
    }

    public int maxSessions() {
        return maxSessions;
    }

    private void expire() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> !s.lastUsed().plus(idleTimeout).isAfter(now));
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
