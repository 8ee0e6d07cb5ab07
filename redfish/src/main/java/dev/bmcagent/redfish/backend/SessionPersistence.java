package dev.bmcagent.redfish.backend;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where Redfish login sessions and the SessionService's SessionTimeout are kept so that clients holding an
 * X-Auth-Token keep working across a restart (bmcweb keeps them in bmcweb_persistent_data.json). Called on the
 * service's event loop: {@link #save}, {@link #delete} and {@link #saveIdleTimeout} must not block for long. A login
 * (first save of a session) and a delete (logout) may wait for one durable write (an fsync, milliseconds): they are
 * security state and must be stored before the response goes out; last-use saves must not wait.
 *
 * <p>Last use is written lazily: the service saves a session when it is created and then at most about once a
 * minute while it is used (see {@code SessionStore}), and on a clean stop. After a crash a session may therefore
 * expire up to that interval early, never late.
 */
public interface SessionPersistence {

    /** The stored sessions; entries that cannot be read are skipped (and logged). */
    List<StoredSession> load();

    /** Creates or replaces the session with this id. */
    void save(StoredSession session);

    /** Forgets the session with this id (nothing if unknown). */
    void delete(String id);

    /** The stored SessionTimeout, empty if it was never changed. */
    Optional<Duration> idleTimeout();

    void saveIdleTimeout(Duration timeout);
}
