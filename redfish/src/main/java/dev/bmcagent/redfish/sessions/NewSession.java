package dev.bmcagent.redfish.sessions;

import dev.bmcagent.redfish.backend.StoredSession;
import java.util.Objects;

/** A session just created, with its token: the only moment the token exists outside the client. */
public record NewSession(StoredSession session, String token) {
    public NewSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(token, "token");
    }
}
