package dev.bmcagent.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the disk stores promise: state survives reopening, compaction keeps it, secrets stay secret. */
class DiskStoresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Stores open() throws Exception {
        return Stores.onDisk(dir, 3, JournalOptions.processCrashSafe(), new SecureRandom());
    }

    @Test
    void everythingSurvivesReopening() throws Exception {
        try (Stores s = open()) {
            s.events().append(4, "boot-1".getBytes(UTF_8)).get();
            s.settings().put("mqtt.cursor", JSON.readTree("17")).get();
            s.accounts()
                    .put(Account.of("admin", "Adm1n-Secret", Role.ADMINISTRATOR))
                    .get();
        }
        try (Stores s = open()) {
            assertEquals(
                    List.of("boot-1"),
                    StoreContractTest.payloads(s.events().readHost(4, 0, 10).get()));
            assertEquals(2L, s.events().append(4, "boot-2".getBytes(UTF_8)).get());
            s.events().appendToCycle(4, "boot-2-progress".getBytes(UTF_8)).get();
            assertEquals(17, s.settings().get("mqtt.cursor").orElseThrow().asInt());
            assertEquals(
                    "Adm1n-Secret", s.accounts().find("admin").orElseThrow().password());
        }
    }

    @Test
    void cyclesSurviveReopening() throws Exception {
        try (Stores s = open()) {
            for (int cycle = 1; cycle <= 3; cycle++) {
                s.events().append(2, ("c" + cycle).getBytes(UTF_8)).get();
                s.events()
                        .appendToCycle(2, ("c" + cycle + "-code").getBytes(UTF_8))
                        .get();
            }
        }
        try (Stores s = open()) {
            s.events().append(2, "c4".getBytes(UTF_8)).get(); // capacity 3: cycle 1 goes
            assertEquals(
                    List.of("c2", "c2-code", "c3", "c3-code", "c4"),
                    StoreContractTest.payloads(s.events().readHost(2, 0, 10).get()));
        }
    }

    @Test
    void passwordsAreEncryptedAtRestUnderAnOwnerOnlyKeyFile() throws Exception {
        try (Stores s = open()) {
            s.accounts()
                    .put(Account.of("admin", "Adm1n-Secret", Role.ADMINISTRATOR))
                    .get();
        }
        String journal = new String(Files.readAllBytes(dir.resolve("store/accounts.journal")), UTF_8);
        assertTrue(journal.contains("admin") && journal.contains("ADMINISTRATOR"));
        assertFalse(journal.contains("Adm1n-Secret"), "cleartext password on disk");
        Path key = dir.resolve(PasswordCipher.KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(32, Files.size(key));
    }

    @Test
    void aReplacedKeyFileFailsLoudlyInsteadOfReturningGarbage() throws Exception {
        try (Stores s = open()) {
            s.accounts()
                    .put(Account.of("admin", "Adm1n-Secret", Role.ADMINISTRATOR))
                    .get();
        }
        byte[] other = new byte[32];
        other[0] = 1;
        Files.write(dir.resolve(PasswordCipher.KEY_FILE), other);
        try (Stores s = open()) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> s.accounts().find("admin"));
            assertTrue(e.getMessage().contains("account.key"), e.getMessage());
        }
    }

    @Test
    void settingsCompactionKeepsTheLatestValues() throws Exception {
        try (Stores s = open()) {
            for (int i = 0; i < 500; i++) {
                s.settings()
                        .put("counter." + (i % 5), JSON.readTree(Integer.toString(i)))
                        .get();
            }
            s.settings().remove("counter.0").get();
        }
        assertTrue(Files.size(dir.resolve("store/settings.journal")) < 100 * 30, "journal was compacted");
        try (Stores s = open()) {
            assertEquals(
                    List.of("counter.1", "counter.2", "counter.3", "counter.4"),
                    List.copyOf(s.settings().snapshot().keySet()));
            assertEquals(499, s.settings().get("counter.4").orElseThrow().asInt());
        }
    }

    @Test
    void eventRetentionCompactsTheJournalAndSequencesContinue() throws Exception {
        int appends = 3 * DiskEventLog.MIN_DROPPED_FOR_COMPACTION;
        try (Stores s = open()) {
            for (int i = 1; i <= appends; i++) {
                s.events().append(i % 2, ("e" + i).getBytes(UTF_8)).get();
            }
        }
        assertTrue(
                Files.size(dir.resolve("store/events.journal")) < 2 * DiskEventLog.MIN_DROPPED_FOR_COMPACTION * 30L,
                "journal was compacted");
        try (Stores s = open()) {
            assertEquals(
                    List.of("e" + (appends - 5), "e" + (appends - 3), "e" + (appends - 1)),
                    StoreContractTest.payloads(s.events().readHost(1, 0, 10).get()));
            assertEquals(
                    appends + 1L, s.events().append(0, "next".getBytes(UTF_8)).get());
        }
    }

    @Test
    void decodedAccountsFollowEveryWriteAtOnce() throws Exception {
        try (Stores s = open()) {
            AccountStore accounts = s.accounts();
            accounts.put(Account.of("admin", "Adm1n-Secret", Role.ADMINISTRATOR))
                    .get();
            assertEquals("Adm1n-Secret", accounts.find("admin").orElseThrow().password()); // now decoded in memory
            assertEquals(1, accounts.list().size());
            accounts.put(accounts.find("admin").orElseThrow().withPassword("Changed-Secret-2"))
                    .get();
            assertEquals(
                    "Changed-Secret-2", accounts.find("admin").orElseThrow().password());
            assertEquals("Changed-Secret-2", accounts.list().get(0).password());
            accounts.put(accounts.find("admin").orElseThrow().withLocked(true)).get();
            assertTrue(accounts.find("admin").orElseThrow().locked());
            assertTrue(accounts.remove("admin").get());
            assertTrue(accounts.find("admin").isEmpty());
            assertTrue(accounts.list().isEmpty());
            accounts.put(Account.of("admin", "Third-Secret-3", Role.OPERATOR)).get();
            assertEquals(Role.OPERATOR, accounts.find("admin").orElseThrow().role());
        }
        try (Stores s = open()) { // what was served is what was written
            Account a = s.accounts().find("admin").orElseThrow();
            assertEquals("Third-Secret-3", a.password());
            assertEquals(Role.OPERATOR, a.role());
            assertFalse(a.locked());
        }
    }
}
