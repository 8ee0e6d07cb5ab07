package dev.bmcagent.redfish.backend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions kept in this object only: they survive a restart of a server given the same instance. */
public final class InMemorySessionPersistence implements SessionPersistence {

    private final Map<String, StoredSession> byId = new LinkedHashMap<>();
    private Duration idleTimeout;

    @Override
    public synchronized List<StoredSession> load() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public synchronized void save(StoredSession session) {
        byId.put(session.id(), session);
    }

    @Override
    public synchronized void delete(String id) {
        byId.remove(id);
    }

    @Override
    public synchronized Optional<Duration> idleTimeout() {
        return Optional.ofNullable(idleTimeout);
    }

    @Override
    public synchronized void saveIdleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
    }
}
