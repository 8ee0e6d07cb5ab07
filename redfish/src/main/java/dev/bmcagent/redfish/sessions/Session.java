package dev.bmcagent.redfish.sessions;

import dev.bmcagent.redfish.backend.Role;
import java.time.Instant;
import java.util.Objects;

/** A Redfish login session. The token is the secret; the id is its public name in the Sessions collection. */
public record Session(String id, String token, String userName, Role role, Instant created, Instant lastUsed) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }

    Session touched(Instant now) {
        return new Session(id, token, userName, role, created, now);
    }
}
