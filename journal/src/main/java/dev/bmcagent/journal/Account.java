package dev.bmcagent.journal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user account shared by IPMI and Redfish.
 *
 * <p>The password is kept recoverable on purpose: IPMI 2.0 RAKP authenticates with an HMAC keyed by the
 * cleartext password, so a hash would not do. On disk it is encrypted (see {@link DiskAccountStore}).
 * IPMI limits user names to 16 bytes and passwords to 20 bytes; both limits are enforced here so an
 * account always works over both protocols. {@link #toString()} never prints the password.
 *
 * @param id       assigned by the store on the first put (0 = not yet assigned) and never changed or reused: the
 *                 Redfish account id and, up to 63, the IPMI user id
 * @param name     1..16 characters of [A-Za-z0-9._-]
 * @param password 1..20 printable ASCII characters
 * @param role     role (privilege)
 * @param enabled  an administrator can disable an account
 * @param locked   set after repeated authentication failures
 */
public record Account(int id, String name, String password, Role role, boolean enabled, boolean locked) {
    public static final int MAX_NAME_LENGTH = 16;
    public static final int MAX_PASSWORD_LENGTH = 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,16}");
    private static final Pattern PASSWORD = Pattern.compile("[\\x21-\\x7E]{1,20}");

    public Account {
        Objects.requireNonNull(role, "role");
        if (id < 0) {
            throw new IllegalArgumentException("negative account id");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("account name must be 1..16 of [A-Za-z0-9._-], got '" + name + "'");
        }
        if (password == null
                || !PASSWORD.matcher(password).matches()
                || password.getBytes(StandardCharsets.US_ASCII).length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "password of '" + name + "' must be 1..20 printable ASCII characters without spaces");
        }
    }

    /** An account whose id the store assigns on the first put (or keeps, when the name exists). */
    public Account(String name, String password, Role role, boolean enabled, boolean locked) {
        this(0, name, password, role, enabled, locked);
    }

    /** An enabled, unlocked account. */
    public static Account of(String name, String password, Role role) {
        return new Account(name, password, role, true, false);
    }

    public Account withId(int newId) {
        return new Account(newId, name, password, role, enabled, locked);
    }

    public Account withPassword(String newPassword) {
        return new Account(id, name, newPassword, role, enabled, locked);
    }

    public Account withLocked(boolean newLocked) {
        return new Account(id, name, password, role, enabled, newLocked);
    }

    public Account withEnabled(boolean newEnabled) {
        return new Account(id, name, password, role, newEnabled, locked);
    }

    public Account withRole(Role newRole) {
        return new Account(id, name, password, newRole, enabled, locked);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", name=" + name + ", role=" + role + ", enabled=" + enabled + ", locked=" + locked
                + "]";
    }
}
