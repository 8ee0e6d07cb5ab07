package dev.bmcagent.ipmi.command.app;

import dev.bmcagent.ipmi.message.Privilege;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One configured IPMI user as Get User Access / Get User Name report it.
 *
 * @param name       up to 16 ASCII bytes
 * @param enabled    whether the user may log in
 * @param privilege  channel privilege limit on the LAN channel
 * @param fixedName  whether the name cannot be changed (e.g. user 1, the null user)
 */
public record UserEntry(String name, boolean enabled, Privilege privilege, boolean fixedName) {
    public UserEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(privilege, "privilege");
        if (name.getBytes(StandardCharsets.US_ASCII).length > 16) {
            throw new IllegalArgumentException("user name longer than 16 bytes");
        }
    }
}
