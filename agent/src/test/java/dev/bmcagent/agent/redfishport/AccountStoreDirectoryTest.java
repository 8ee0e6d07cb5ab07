package dev.bmcagent.agent.redfishport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.HandClock;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.InMemoryAccountStore;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.redfish.backend.AccountPatch;
import dev.bmcagent.redfish.backend.AccountResult;
import dev.bmcagent.redfish.backend.AuthResult;
import dev.bmcagent.redfish.backend.RedfishRole;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountStoreDirectoryTest {
    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final StoreWriter writer = new StoreWriter();
    private final dev.bmcagent.journal.AccountLockouts lockouts = new dev.bmcagent.journal.AccountLockouts(
            3, Duration.ofMinutes(1), Duration.ofMinutes(5), new dev.bmcagent.journal.InMemorySettingsStore());
    private final HandClock clock = new HandClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final dev.bmcagent.journal.PasswordCipher cipher =
            dev.bmcagent.journal.PasswordCipher.ephemeral(new java.security.SecureRandom());
    private AccountStoreDirectory dir;

    @BeforeEach
    void setUp() {
        store.put(Account.of("admin", "Admin-Pass-1", Role.ADMINISTRATOR)).join();
        store.put(Account.of("viewer", "Viewer-Pass-1", Role.READ_ONLY)).join();
        dir = new AccountStoreDirectory(store, clock, lockouts, cipher);
    }

    @AfterEach
    void tearDown() {
        writer.close();
    }

    @Test
    void idsAreIpmiUserIdsAndRolesMap() {
        assertEquals("2", dir.byUserName("admin").orElseThrow().id()); // IPMI user 1 is the null user
        assertEquals("3", dir.byUserName("viewer").orElseThrow().id());
        assertEquals(RedfishRole.ReadOnly, dir.account("3").orElseThrow().role());
        AuthResult ok = dir.verify("viewer", "Viewer-Pass-1");
        assertEquals(
                RedfishRole.ReadOnly,
                assertInstanceOf(AuthResult.Granted.class, ok).account().role());
    }

    @Test
    void thresholdFailuresLockThatSourceInTheSharedStateAndExpire() {
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    new AuthResult.Denied(AuthResult.Reason.BAD_CREDENTIALS),
                    dir.verify("viewer", "nope", "127.0.0.2"));
        }
        assertEquals(
                new AuthResult.Denied(AuthResult.Reason.LOCKED_OUT),
                dir.verify("viewer", "Viewer-Pass-1", "127.0.0.2"));
        assertTrue(!lockouts.mayTry("viewer", address("127.0.0.2"), clock.instant()), "IPMI sees the same lock");
        assertInstanceOf(
                AuthResult.Granted.class,
                dir.verify("viewer", "Viewer-Pass-1", "127.0.0.1"),
                "the stranger locked himself out, not the user on another address");
        assertTrue(!dir.account("3").orElseThrow().locked(), "one source locked: the account is not");
        clock.advance(Duration.ofMinutes(5));
        assertInstanceOf(AuthResult.Granted.class, dir.verify("viewer", "Viewer-Pass-1", "127.0.0.2"));
    }

    @Test
    void threeLockedSourcesLockTheAccountEverywhereAndEndItsSessions() {
        String stamp = dir.sessionStamp("viewer").orElseThrow();
        for (String from : new String[] {"127.0.0.2", "127.0.0.3", "::1"}) {
            for (int i = 0; i < 3; i++) {
                dir.verify("viewer", "nope", from);
            }
        }
        assertEquals(
                new AuthResult.Denied(AuthResult.Reason.LOCKED_OUT),
                dir.verify("viewer", "Viewer-Pass-1", "127.0.0.1"));
        assertTrue(dir.account("3").orElseThrow().locked());
        assertTrue(dir.sessionStamp("viewer").isEmpty(), "sessions of a locked account end");
        dir.patch(
                "3",
                new AccountPatch(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));
        assertEquals(Optional.of(stamp), dir.sessionStamp("viewer"));
        assertInstanceOf(AuthResult.Granted.class, dir.verify("viewer", "Viewer-Pass-1", "127.0.0.2"));
    }

    /** Issue #11 item 10: the presented password was encoded as US-ASCII, so a stored '?' matched any é. */
    @Test
    void nonAsciiCharactersNeverMatchAStoredQuestionMark() {
        store.put(Account.of("q", "pass?word", Role.READ_ONLY)).join();
        assertEquals(new AuthResult.Denied(AuthResult.Reason.BAD_CREDENTIALS), dir.verify("q", "pass\u00e9word"));
        assertInstanceOf(AuthResult.Granted.class, dir.verify("q", "pass?word"));
    }

    /** Issue #11 item 10: the last enabled Administrator could demote or disable itself. */
    @Test
    void theLastAdministratorCannotBeDemotedOrDisabled() {
        AccountResult demote = dir.patch(
                "2",
                new AccountPatch(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(RedfishRole.Operator),
                        Optional.empty(),
                        Optional.empty()));
        assertEquals(
                "RoleId", assertInstanceOf(AccountResult.Rejected.class, demote).property());
        AccountResult disable = dir.patch(
                "2",
                new AccountPatch(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false), Optional.empty()));
        assertEquals(
                "Enabled",
                assertInstanceOf(AccountResult.Rejected.class, disable).property());
        assertTrue(dir.isLastAdministrator("2"));
        dir.create("admin2", "Admin-Pass-2", RedfishRole.Administrator, true);
        assertInstanceOf(
                AccountResult.Done.class,
                dir.patch(
                        "2",
                        new AccountPatch(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(RedfishRole.Operator),
                                Optional.empty(),
                                Optional.empty())));
    }

    private static java.net.InetAddress address(String a) {
        return AccountStoreDirectory.address(a);
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        dir.verify("viewer", "nope");
        dir.verify("viewer", "nope");
        clock.advance(Duration.ofMinutes(1));
        dir.verify("viewer", "nope");
        assertInstanceOf(AuthResult.Granted.class, dir.verify("viewer", "Viewer-Pass-1"));
    }

    @Test
    void createPatchDeleteAreTheStoresAccounts() {
        AccountResult made = dir.create("op", "Operator-Pass-1", RedfishRole.Operator, true);
        assertEquals(
                RedfishRole.Operator,
                assertInstanceOf(AccountResult.Done.class, made).account().role());
        assertEquals(Role.OPERATOR, store.find("op").orElseThrow().role());
        assertInstanceOf(AccountResult.Conflict.class, dir.create("op", "Operator-Pass-1", RedfishRole.Operator, true));
        assertEquals(
                "Password", ((AccountResult.Rejected) dir.create("x", "short", RedfishRole.Operator, true)).property());
        String id = dir.byUserName("op").orElseThrow().id();
        dir.patch(
                id,
                new AccountPatch(
                        Optional.of("op2"),
                        Optional.empty(),
                        Optional.of(RedfishRole.ReadOnly),
                        Optional.empty(),
                        Optional.empty()));
        assertTrue(store.find("op").isEmpty());
        assertEquals("Operator-Pass-1", store.find("op2").orElseThrow().password());
        assertTrue(dir.delete(dir.byUserName("op2").orElseThrow().id()));
        assertTrue(store.find("op2").isEmpty());
    }

    @Test
    void sessionStampChangesWithPasswordRoleAndEnabledAndRevealsNoPassword() {
        String stamp = dir.sessionStamp("viewer").orElseThrow();
        assertEquals(stamp, dir.sessionStamp("viewer").orElseThrow(), "stable while nothing changes");
        assertTrue(stamp.matches("[0-9a-f]{64}") && !stamp.contains("Viewer-Pass-1"));
        store.put(Account.of("viewer", "Viewer-Pass-2", Role.READ_ONLY)).join();
        String repassword = dir.sessionStamp("viewer").orElseThrow();
        assertTrue(!repassword.equals(stamp));
        store.put(Account.of("viewer", "Viewer-Pass-2", Role.OPERATOR)).join();
        assertTrue(!dir.sessionStamp("viewer").orElseThrow().equals(repassword));
        store.put(new Account("viewer", "Viewer-Pass-2", Role.OPERATOR, false, false))
                .join();
        assertTrue(dir.sessionStamp("viewer").isEmpty());
        assertTrue(dir.sessionStamp("ghost").isEmpty());
    }

    /** Over the disk store (decoded accounts cached in memory): a changed password refuses the old one at once. */
    @Test
    void onDiskStoresAPasswordChangeRefusesTheOldPasswordAtOnce(@TempDir Path tmp) throws Exception {
        try (Stores stores = Stores.onDisk(tmp, 3, JournalOptions.processCrashSafe(), new SecureRandom())) {
            stores.accounts()
                    .put(Account.of("admin", "Admin-Pass-1", Role.ADMINISTRATOR))
                    .join();
            AccountStoreDirectory disk =
                    new AccountStoreDirectory(stores.accounts(), clock, stores.lockouts(), stores.cipher());
            assertInstanceOf(AuthResult.Granted.class, disk.verify("admin", "Admin-Pass-1"));
            assertInstanceOf(AuthResult.Granted.class, disk.verify("admin", "Admin-Pass-1"));
            assertInstanceOf(
                    AccountResult.Done.class,
                    disk.patch(
                            "2",
                            new AccountPatch(
                                    Optional.empty(),
                                    Optional.of("Admin-Pass-2"),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty())));
            assertEquals(
                    new AuthResult.Denied(AuthResult.Reason.BAD_CREDENTIALS), disk.verify("admin", "Admin-Pass-1"));
            assertInstanceOf(AuthResult.Granted.class, disk.verify("admin", "Admin-Pass-2"));
            disk.create("admin2", "Admin-Pass-3", RedfishRole.Administrator, true);
            assertInstanceOf(
                    AccountResult.Done.class,
                    disk.patch(
                            "2",
                            new AccountPatch(
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of(false),
                                    Optional.empty())));
            assertEquals(new AuthResult.Denied(AuthResult.Reason.DISABLED), disk.verify("admin", "Admin-Pass-2"));
        }
    }
}
