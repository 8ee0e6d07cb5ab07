package dev.bmcagent.agent.account;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The admin account's name and password, and where the password came from.
 *
 * @param user     account name ({@value AdminPassword#USER})
 * @param password cleartext (never logged; {@link #toString()} hides it)
 * @param source   configured, generated now, or read from the password file
 * @param file     the password file in the data directory (exists unless {@code source} is CONFIGURED)
 */
public record AdminCredentials(String user, String password, Source source, Path file) {
    public AdminCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
    }

    public enum Source {
        /** Given with --admin-password or the adminPassword key. */
        CONFIGURED,
        /** Generated on this (first) start and written to the password file: print it now, once. */
        GENERATED,
        /** Read from the password file written on the first start. */
        STORED
    }

    @Override
    public String toString() {
        return "AdminCredentials[user=" + user + ", source=" + source + ", file=" + file + "]";
    }
}
