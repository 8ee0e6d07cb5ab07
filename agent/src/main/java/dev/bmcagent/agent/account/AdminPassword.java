package dev.bmcagent.agent.account;

import dev.bmcagent.journal.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Decides the admin password: the configured one if given; else the one in {@value #FILE} in the data
 * directory; else (first start) a new random one, written there with mode 0600, to be printed once.
 * The file holds the bare password without a newline, so {@code ipmitool -f FILE} and
 * {@code $(cat FILE)} both work.
 */
public final class AdminPassword {
    public static final String USER = "admin";
    public static final String FILE = "admin-password";
    public static final int GENERATED_LENGTH = 16;
    /** Letters and digits only: safe to paste into any shell; 16 of them are ~95 bits. */
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private AdminPassword() {}

    public static AdminCredentials resolve(Path dataDir, Optional<String> configured, SecureRandom random)
            throws IOException {
        Path file = dataDir.resolve(FILE);
        if (configured.isPresent()) {
            return new AdminCredentials(USER, configured.get(), AdminCredentials.Source.CONFIGURED, file);
        }
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (stored.isEmpty()) {
                throw new IOException("admin password file " + file + " is empty; delete it to generate a new one");
            }
            return new AdminCredentials(USER, stored, AdminCredentials.Source.STORED, file);
        }
        StringBuilder b = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String generated = b.toString();
        AtomicFiles.createPrivateDirectories(dataDir);
        AtomicFiles.write(file, generated.getBytes(StandardCharsets.US_ASCII), true);
        return new AdminCredentials(USER, generated, AdminCredentials.Source.GENERATED, file);
    }
}
