package dev.bmcagent.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #11 item 11: a store written before ids were kept migrates with the ids it showed (name order from 2). */
class AccountIdMigrationTest {
    @TempDir
    Path dir;

    @Test
    void legacyAccountsKeepTheirShownIdsAndNewOnesComeAfter() throws Exception {
        ObjectMapper json = new ObjectMapper();
        AtomicFiles.createPrivateDirectories(dir.resolve("store"));
        PasswordCipher cipher = PasswordCipher.loadOrCreate(dir.resolve(PasswordCipher.KEY_FILE), new SecureRandom());
        try (KeyValueJournal kv =
                KeyValueJournal.open(dir.resolve("store/accounts.journal"), JournalOptions.processCrashSafe())) {
            for (Map.Entry<String, String> a : Map.of("zed", "OPERATOR", "admin", "ADMINISTRATOR", "bob", "READ_ONLY")
                    .entrySet()) {
                kv.put(
                        a.getKey(),
                        json.writeValueAsBytes(json.createObjectNode()
                                .put("role", a.getValue())
                                .put("enabled", true)
                                .put("locked", false)
                                .put("password", cipher.encrypt(a.getKey(), "Legacy-Pw1"))));
            }
        }
        try (Stores s = Stores.onDisk(dir, 3, JournalOptions.processCrashSafe(), new SecureRandom())) {
            assertEquals(List.of("admin:2", "bob:3", "zed:4"), ids(s));
            s.accounts().put(Account.of("aaa", "Aaa-Secret1", Role.READ_ONLY)).join();
        }
        try (Stores s = Stores.onDisk(dir, 3, JournalOptions.processCrashSafe(), new SecureRandom())) {
            assertEquals(List.of("admin:2", "bob:3", "zed:4", "aaa:5"), ids(s));
            assertEquals("Legacy-Pw1", s.accounts().find("zed").orElseThrow().password());
        }
    }

    private static List<String> ids(Stores s) {
        return s.accounts().list().stream().map(a -> a.name() + ":" + a.id()).toList();
    }
}
