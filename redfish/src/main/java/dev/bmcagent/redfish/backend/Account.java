package dev.bmcagent.redfish.backend;

import java.util.Objects;

/**
 * An account of the shared (IPMI + Redfish) account store. The password is never part of it.
 *
 * @param id       URI-safe id (IPMI user id as decimal)
 * @param userName user name
 * @param role     role
 * @param enabled  Enabled
 * @param locked   Locked (after repeated failures)
 */
public record Account(String id, String userName, Role role, boolean enabled, boolean locked) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(role, "role");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("account id must be URI-safe: " + id);
        }
    }
}
