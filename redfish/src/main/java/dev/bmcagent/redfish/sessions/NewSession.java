package dev.bmcagent.redfish.sessions;

import java.util.Objects;

/** A session just created, with its token: the only moment the token exists outside the client. */
public record NewSession(Session session, String token) {
    public NewSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(token, "token");
    }
}
