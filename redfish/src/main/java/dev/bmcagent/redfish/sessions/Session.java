package dev.bmcagent.redfish.sessions;

import dev.bmcagent.redfish.backend.Role;
import dev.bmcagent.redfish.backend.StoredSession;
import java.time.Instant;
import java.util.Objects;

/**
 * A Redfish login session. The id is its public name in the Sessions collection; of the token (the secret) only
 * its SHA-256 is kept, in memory as on disk.
 */
public record Session(String id, String tokenSha256, String userName, Role role, String accountStamp,
                      Instant created, Instant lastUsed) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenSha256, "tokenSha256");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(accountStamp, "accountStamp");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }

    static Session of(StoredSession s) {
        return new Session(s.id(), s.tokenSha256(), s.userName(), s.role(), s.accountStamp(), s.created(),
                s.lastUsed());
    }

    StoredSession stored() {
        return new StoredSession(id, tokenSha256, userName, role, accountStamp, created, lastUsed);
    }

    Session touched(Instant now) {
        return new Session(id, tokenSha256, userName, role, accountStamp, created, now);
    }
}
