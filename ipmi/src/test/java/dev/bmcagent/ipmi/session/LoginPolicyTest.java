package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import dev.bmcagent.ipmi.message.Privilege;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Lockout, handshake bounds and session limits (CVE-2013-4786 mitigations and DoS resistance). */
class LoginPolicyTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final InetSocketAddress ATTACKER = new InetSocketAddress("127.0.0.66", 50000);
    static final InetSocketAddress ADMIN_CONSOLE = new InetSocketAddress(LOOPBACK, 50001);

    final LanTestServer bmc = new LanTestServer(IpmiLanOptions.defaults()
            .withLockout(3, Duration.ofMinutes(1), Duration.ofMinutes(10))
            .withSessions(6, 2, Duration.ofSeconds(60), Duration.ofSeconds(10)));

    private int badRakp3(InetSocketAddress from) {
        OracleClient c = OracleClient.inProcess(3, bmc.processor, from);
        c.openSession(0);
        c.rakp1("admin", "guess", 0x14);
        return c.rakp3("admin", "guess", 0x14, false);
    }

    @Test
    void threeRakp3FailuresLockThatSourceEvenWithTheRightPasswordButNotTheAdminElsewhere() {
        for (int i = 0; i < 3; i++) {
            assertEquals(RakpStatus.INVALID_INTEGRITY_CHECK_VALUE, badRakp3(ATTACKER));
        }
        OracleClient again = OracleClient.inProcess(17, bmc.processor, ATTACKER);
        assertEquals(RakpStatus.UNAUTHORIZED_NAME, again.login("admin", "secret", 0x14), "locked: like unknown");
        OracleClient admin = OracleClient.inProcess(17, bmc.processor, ADMIN_CONSOLE);
        assertEquals(0, admin.login("admin", "secret", 0x14), "another address is not locked");
        bmc.clock.advance(Duration.ofMinutes(10));
        assertEquals(0, OracleClient.inProcess(17, bmc.processor, ATTACKER).login("admin", "secret", 0x14));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        badRakp3(ATTACKER);
        badRakp3(ATTACKER);
        bmc.clock.advance(Duration.ofMinutes(2));
        badRakp3(ATTACKER);
        assertEquals(0, OracleClient.inProcess(3, bmc.processor, ATTACKER).login("admin", "secret", 0x14));
    }

    @Test
    void unansweredRakp2sCountSoAHarvesterGetsAtMostThresholdHmacsAndTheAdminElsewhereStillLogsIn() {
        int hmacs = 0;
        for (int i = 0; i < 10_000; i++) {
            OracleClient flood = OracleClient.inProcess(3, bmc.processor, ATTACKER);
            flood.openSession(0);
            if (i % 2 == 0 && flood.rakp1("admin", "x", 0x14) == -1) {
                hmacs++; // a RAKP 2 with an HMAC, never answered
            }
        }
        assertEquals(3, hmacs, "the lockout threshold bounds the offline-crackable HMACs per source");
        OracleClient admin = OracleClient.inProcess(17, bmc.processor, ADMIN_CONSOLE);
        assertEquals(0, admin.login("admin", "secret", 0x14));
    }

    @Test
    void rakp1IsRateLimitedPerSource() {
        int refused = 0;
        for (int i = 0; i < SourceLockout.RAKP_BURST + 5; i++) {
            OracleClient c = OracleClient.inProcess(3, bmc.processor, ATTACKER);
            c.openSession(0);
            if (c.rakp1("nobody", "x", 0x14) == RakpStatus.INSUFFICIENT_RESOURCES) {
                refused++;
            }
        }
        assertEquals(5, refused);
        assertEquals(0, OracleClient.inProcess(3, bmc.processor, ADMIN_CONSOLE).login("admin", "secret", 0x14));
        bmc.clock.advance(Duration.ofSeconds(1));
        OracleClient later = OracleClient.inProcess(3, bmc.processor, ATTACKER);
        later.openSession(0);
        assertEquals(RakpStatus.UNAUTHORIZED_NAME, later.rakp1("nobody", "x", 0x14), "the bucket refills");
    }

    /** Issue #11 item 9: an IPMI session kept the rights of an account that had since changed or gone. */
    @Test
    void aSessionEndsWhenItsAccountChangesOrGoes() {
        OracleClient c = OracleClient.inProcess(3, bmc.processor, ADMIN_CONSOLE);
        assertEquals(0, c.login("oper", "opsecret", 0x13));
        assertTrue(c.command(0x06, 0x01).isPresent());
        bmc.users.put(IpmiUser.of(3, "oper", "opsecret", Privilege.USER)); // demoted
        assertEquals(java.util.Optional.empty(), c.command(0x06, 0x01), "ended: silence");
        assertEquals(0, bmc.processor.activeSessions());
        OracleClient d = OracleClient.inProcess(3, bmc.processor, ADMIN_CONSOLE);
        assertEquals(0, d.login("admin", "secret", 0x14));
        bmc.users.remove("admin");
        assertEquals(java.util.Optional.empty(), d.command(0x06, 0x01), "deleted account: session ended");
    }

    /** Issue #11 item 8: one low-privilege user could take every session slot. */
    @Test
    void anOperatorCannotTakeTheSlotsReservedForAdministrators() {
        // table of 6: 3 reserved for administrators, so an operator gets at most 3
        for (int i = 0; i < 3; i++) {
            OracleClient c = OracleClient.inProcess(3, bmc.processor, new InetSocketAddress(LOOPBACK, 52000 + i));
            assertEquals(0, c.login("oper", "opsecret", 0x13));
        }
        OracleClient fourth = OracleClient.inProcess(3, bmc.processor, new InetSocketAddress(LOOPBACK, 52010));
        assertEquals(RakpStatus.INSUFFICIENT_RESOURCES, fourth.login("oper", "opsecret", 0x13));
        for (int i = 0; i < 3; i++) {
            OracleClient c = OracleClient.inProcess(3, bmc.processor, new InetSocketAddress(LOOPBACK, 52020 + i));
            assertEquals(0, c.login("admin", "secret", 0x14), "the administrator still logs in");
        }
    }

    @Test
    void activeSessionsAreBoundedAndTheLimitAnswersInsufficientResources() {
        for (int i = 0; i < 6; i++) {
            OracleClient c = OracleClient.inProcess(3, bmc.processor, new InetSocketAddress(LOOPBACK, 51000 + i));
            assertEquals(0, c.login("admin", "secret", 0x14));
        }
        OracleClient seventh = OracleClient.inProcess(3, bmc.processor, ADMIN_CONSOLE);
        assertEquals(RakpStatus.INSUFFICIENT_RESOURCES, seventh.openSession(0));
        bmc.clock.advance(Duration.ofSeconds(60));
        assertEquals(0, seventh.login("admin", "secret", 0x14), "idle sessions expire lazily and free slots");
    }

    @Test
    void aSourceOverItsShareOfHandshakesLosesItsOwnOldestNotAnotherSources() {
        OracleClient admin = OracleClient.inProcess(3, bmc.processor, ADMIN_CONSOLE);
        assertEquals(0, admin.openSession(0));
        OracleClient[] mine = new OracleClient[3];
        for (int i = 0; i < mine.length; i++) {
            bmc.clock.advance(Duration.ofMillis(1));
            mine[i] = OracleClient.inProcess(3, bmc.processor, new InetSocketAddress("127.0.0.66", 53000 + i));
            assertEquals(0, mine[i].openSession(0));
        }
        // two unfinished handshakes per source: the third evicted the first of that source
        assertEquals(RakpStatus.INVALID_SESSION_ID, mine[0].rakp1("admin", "secret", 0x14));
        assertEquals(0, mine[1].rakp1("admin", "secret", 0x14));
        assertEquals(0, mine[2].rakp1("admin", "secret", 0x14));
        assertEquals(0, admin.rakp1("admin", "secret", 0x14), "another source's handshake is untouched");
        assertEquals(0, admin.rakp3("admin", "secret", 0x14, false));
    }

    @Test
    void aTableFullOfHandshakesGivesWayToANewOneOldestFirst() {
        OracleClient[] pending = new OracleClient[6];
        for (int i = 0; i < pending.length; i++) {
            bmc.clock.advance(Duration.ofMillis(1));
            pending[i] = OracleClient.inProcess(
                    3, bmc.processor, new InetSocketAddress("127.0.1." + (1 + i / 2), 54000 + i));
            assertEquals(0, pending[i].openSession(0));
        }
        OracleClient late = OracleClient.inProcess(3, bmc.processor, ADMIN_CONSOLE);
        assertEquals(0, late.login("admin", "secret", 0x14), "a full table of handshakes does not lock logins out");
        assertEquals(RakpStatus.INVALID_SESSION_ID, pending[0].rakp1("admin", "secret", 0x14), "the oldest went");
        for (int i = 1; i < pending.length; i++) {
            assertEquals(0, pending[i].rakp1("admin", "secret", 0x14), "handshake " + i + " is kept");
        }
    }

    @Test
    void aHandshakeAbandonedAfterRakp2CountsAsAFailedLogin() {
        OracleClient c = OracleClient.inProcess(3, bmc.processor, ADMIN_CONSOLE);
        c.openSession(0);
        c.rakp1("admin", "wrong", 0x14);
        bmc.clock.advance(Duration.ofSeconds(10));
        assertEquals(1, bmc.processor.sweep());
        assertEquals(1, bmc.counters.authFailureCount());
    }
}
