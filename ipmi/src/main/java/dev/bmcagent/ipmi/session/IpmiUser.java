package dev.bmcagent.ipmi.session;

import dev.bmcagent.ipmi.message.Privilege;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A user as the IPMI LAN channel needs it. RMCP+ keys its HMACs with the cleartext password (Kuid, IPMI 2.0
 * §13.31), so the directory must hand out the password bytes: at most 20, zero-padded to 20 here.
 *
 * @param userId       IPMI user ID (1-63; 1 is the null user by convention)
 * @param name         user name, at most 16 ASCII bytes (empty = the null user)
 * @param enabled      whether the user may log in
 * @param password     cleartext password, at most 20 bytes
 * @param maxPrivilege highest privilege this user may hold on the LAN channel
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record IpmiUser(int userId, String name, boolean enabled, byte[] password, Privilege maxPrivilege) {
    public static final int MAX_NAME_LENGTH = 16;
    public static final int KEY_LENGTH = 20;

    public IpmiUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(maxPrivilege, "maxPrivilege");
        if (userId < 1 || userId > 63) {
            throw new IllegalArgumentException("user id out of range: " + userId);
        }
        if (name.getBytes(StandardCharsets.US_ASCII).length > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("user name longer than 16 bytes");
        }
        if (password.length > KEY_LENGTH) {
            throw new IllegalArgumentException("IPMI passwords are at most 20 bytes");
        }
        password = Arrays.copyOf(password, KEY_LENGTH);
    }

    /** Convenience: an enabled user with a US-ASCII password. */
    public static IpmiUser of(int userId, String name, String password, Privilege maxPrivilege) {
        return new IpmiUser(userId, name, true, password.getBytes(StandardCharsets.US_ASCII), maxPrivilege);
    }

    /** The 20-byte key Kuid (password zero-padded). */
    @Override
    public byte[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpmiUser u
                && u.userId == userId
                && u.name.equals(name)
                && u.enabled == enabled
                && Arrays.equals(u.password, password)
                && u.maxPrivilege == maxPrivilege;
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, name, enabled, maxPrivilege);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "IpmiUser[id=" + userId + " name=" + name + " enabled=" + enabled + " max=" + maxPrivilege + "]";
    }
}
