package dev.bmcagent.redfish.http;

import dev.bmcagent.redfish.backend.RedfishRole;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is making the request, set by {@link AuthHandler} before any resource handler runs.
 *
 * @param userName  the account's user name
 * @param role      its role
 * @param sessionId the session used, empty for Basic authentication
 */
public record Principal(String userName, RedfishRole role, Optional<String> sessionId) {
    /** RoutingContext key. */
    public static final String KEY = "redfish.principal";

    public Principal {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
