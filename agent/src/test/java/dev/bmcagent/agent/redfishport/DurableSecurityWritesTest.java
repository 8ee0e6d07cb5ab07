package dev.bmcagent.agent.redfishport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.AgentConfigLoader;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.journal.FsyncPolicy;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.journal.sel.JournalSelStore;
import dev.bmcagent.redfish.backend.RedfishRole;
import dev.bmcagent.redfish.backend.StoredSession;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 14 (both failed on main): the {@code fsync} policy reaches the SEL journals, and a Redfish
 * login/logout is stored before the call returns (it was only queued, so the response went out first).
 */
class DurableSecurityWritesTest {
    @TempDir
    Path dir;

    @Test
    void fsyncPolicyReachesTheSelJournal() throws Exception {
        try (AgentAssembly a = AgentAssembly.start(
                new AgentConfigLoader()
                        .parse("fsync: always")
                        .overriddenBy(FreePorts.partial())
                        .resolve(dir),
                new SystemScheduler("test"),
                new SecureRandom())) {
            JournalSelStore sel = (JournalSelStore) a.runtime().node(0).spec().sel();
            assertEquals(FsyncPolicy.ALWAYS, sel.fsync());
        }
    }

    @Test
    void logoutIsStoredBeforeItReturnsAndAfterQueuedLastUseWrites() throws Exception {
        try (Stores stores =
                        Stores.open(StoreKind.DISK, dir, 10, JournalOptions.processCrashSafe(), new SecureRandom());
                StoreWriter writer = new StoreWriter()) {
            SettingsSessions sessions = new SettingsSessions(stores.settings(), writer);
            Instant t = Instant.parse("2026-11-22T08:00:00Z");
            StoredSession s =
                    new StoredSession("a1b2c3d4e5", "ab".repeat(32), "admin", RedfishRole.Administrator, "stamp", t, t);
            sessions.save(s);
            assertTrue(
                    stores.settings().get(SettingsSessions.PREFIX + s.id()).isPresent(),
                    "a login is stored before save returns");

            CountDownLatch busy = new CountDownLatch(1);
            writer.submit("a slow write ahead of the logout", () -> {
                try {
                    busy.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sessions.save(s.touched(t.plusSeconds(60))); // a queued last-use update
            CompletableFuture<Void> logout = CompletableFuture.runAsync(() -> sessions.delete(s.id()));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !logout.isDone());
            busy.countDown();
            logout.get();
            assertTrue(
                    stores.settings().get(SettingsSessions.PREFIX + s.id()).isEmpty(),
                    "logout returned but the session is still stored");
        }
    }
}
