package dev.bmcagent.journal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue #11 item 7: the lock restarted in full after every agent restart; now its end is stored. */
class AccountLockoutsTest {
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    final SettingsStore settings = new InMemorySettingsStore();

    AccountLockouts restarted() {
        return new AccountLockouts(5, Duration.ofMinutes(5), Duration.ofMinutes(5), settings);
    }

    static InetAddress at(String a) throws Exception {
        return InetAddress.getByName(a);
    }

    void lock(AccountLockouts l, String user, String from, Instant t) throws Exception {
        for (int i = 0; i < 5; i++) {
            l.failed(user, at(from), t);
        }
    }

    @Test
    void aLockSurvivesARestartAndEndsOnTimeNotLater() throws Exception {
        lock(restarted(), "admin", "127.0.0.2", T0);
        AccountLockouts after = restarted();
        Instant t = T0.plus(Duration.ofMinutes(4));
        assertFalse(after.mayTry("admin", at("127.0.0.2"), t), "still locked after the restart");
        assertTrue(after.mayTry("admin", at("127.0.0.1"), t), "another address never was");
        assertTrue(
                restarted().mayTry("admin", at("127.0.0.2"), T0.plus(Duration.ofMinutes(5))),
                "ends 5 min after it began, not 5 min after the restart");
    }

    @Test
    void aClockSetBackCannotMakeALockLongerThanOneDuration() throws Exception {
        lock(restarted(), "admin", "127.0.0.2", T0);
        Instant back = T0.minus(Duration.ofHours(1));
        AccountLockouts after = restarted();
        assertFalse(after.mayTry("admin", at("127.0.0.2"), back));
        assertTrue(after.mayTry("admin", at("127.0.0.2"), back.plus(Duration.ofMinutes(5))));
    }

    @Test
    void threeLockedAddressesLockTheAccountDurablyAndUnlockLiftsEverything() throws Exception {
        AccountLockouts l = restarted();
        for (String from : new String[] {"127.0.0.2", "127.0.0.3", "::1"}) {
            lock(l, "viewer", from, T0);
        }
        AccountLockouts after = restarted();
        assertTrue(after.accountLocked("viewer", T0.plusSeconds(60)));
        assertFalse(after.mayTry("viewer", at("127.0.0.1"), T0.plusSeconds(60)));
        after.unlock("viewer", T0.plusSeconds(60));
        assertTrue(restarted().mayTry("viewer", at("127.0.0.2"), T0.plusSeconds(61)));
        assertTrue(settings.snapshot().keySet().stream().noneMatch(k -> k.startsWith("auth.lockout.viewer/")));
    }
}
