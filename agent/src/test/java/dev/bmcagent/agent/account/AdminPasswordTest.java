package dev.bmcagent.agent.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordTest {
    @TempDir
    Path dir;

    @Test
    void firstStartGeneratesAndStoresOwnerOnlyLaterStartsReadIt() throws Exception {
        Path data = dir.resolve("data");
        AdminCredentials first = AdminPassword.resolve(data, Optional.empty(), new SecureRandom());
        assertEquals(AdminCredentials.Source.GENERATED, first.source());
        assertEquals("admin", first.user());
        assertTrue(first.password().matches("[A-Za-z0-9]{16}"), first.password());
        Path file = data.resolve("admin-password");
        assertEquals(file, first.file());
        assertEquals(first.password(), Files.readString(file, StandardCharsets.US_ASCII)); // no newline
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        AdminCredentials second = AdminPassword.resolve(data, Optional.empty(), new SecureRandom());
        assertEquals(AdminCredentials.Source.STORED, second.source());
        assertEquals(first.password(), second.password());
    }

    @Test
    void twoDataDirectoriesGetDifferentPasswords() throws Exception {
        String a = AdminPassword.resolve(dir.resolve("a"), Optional.empty(), new SecureRandom())
                .password();
        String b = AdminPassword.resolve(dir.resolve("b"), Optional.empty(), new SecureRandom())
                .password();
        assertNotEquals(a, b);
    }

    @Test
    void configuredPasswordWinsAndIsNotWritten() throws Exception {
        AdminCredentials c = AdminPassword.resolve(dir, Optional.of("Given-Pw1"), new SecureRandom());
        assertEquals(AdminCredentials.Source.CONFIGURED, c.source());
        assertEquals("Given-Pw1", c.password());
        assertTrue(Files.notExists(dir.resolve("admin-password")));
        assertTrue(!c.toString().contains("Given-Pw1"));
    }
}
