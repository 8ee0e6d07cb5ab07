package dev.bmcagent.redfish.backend;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account of the shared (IPMI + Redfish) account store. The password is never part of it.
 *
 * @param id       URI-safe id (IPMI user id as decimal)
 * @param userName user name
 * @param role     role
 * @param enabled  Enabled
 * @param locked   Locked (after repeated failures)
 */
public record ManagerAccount(String id, String userName, RedfishRole role, boolean enabled, boolean locked) {
    private static final Pattern URI_SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ManagerAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(role, "role");
        if (!URI_SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("account id must be URI-safe: " + id);
        }
    }
}
