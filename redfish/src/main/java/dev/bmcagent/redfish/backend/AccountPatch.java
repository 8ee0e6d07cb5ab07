package dev.bmcagent.redfish.backend;

import java.util.Objects;
import java.util.Optional;

/** Changes to an account, validated by the service; empty fields unchanged. {@code locked} may only be cleared. */
public record AccountPatch(
        Optional<String> userName,
        Optional<String> password,
        Optional<RedfishRole> role,
        Optional<Boolean> enabled,
        Optional<Boolean> locked) {
    public AccountPatch {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(locked, "locked");
        if (locked.orElse(false)) {
            throw new IllegalArgumentException("an account can only be unlocked");
        }
    }
}
