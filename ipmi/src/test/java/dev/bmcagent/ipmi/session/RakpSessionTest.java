package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import dev.bmcagent.ipmi.message.Privilege;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * RAKP 1-4, SIK/K1/K2, integrity and AES-CBC-128 checked against {@link OracleClient} (javax.crypto, written
 * independently from the spec), in process, for both cipher suites; plus the session commands 3Bh/3Ch.
 */
class RakpSessionTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final InetSocketAddress CONSOLE = new InetSocketAddress(LOOPBACK, 40623);
    final LanTestServer bmc = new LanTestServer(IpmiLanOptions.defaults());

    OracleClient client(int suite) {
        return OracleClient.inProcess(suite, bmc.processor, CONSOLE);
    }

    @ParameterizedTest(name = "cipher suite {0}")
    @ValueSource(ints = {3, 17})
    void loginDerivesTheSameKeysAndGetDeviceIdRoundTrips(int suite) {
        OracleClient c = client(suite);
        // Role 14h = name-only lookup (bit 4) + ADMINISTRATOR, as ipmitool sends it.
        assertEquals(0, c.login("admin", "secret", 0x14), "RAKP 2 HMAC and RAKP 4 ICV verified by the oracle");
        assertEquals(suite == 17 ? 32 : 20, c.sik.length, "SIK is a full HMAC-SHA256/SHA1 digest");
        assertEquals(1, bmc.processor.activeSessions());
        byte[] reply = c.command(0x06, 0x01).orElseThrow();
        assertEquals(0x00, reply[0], "completion code");
        assertArrayEquals(LanTestServer.DEVICE_ID, java.util.Arrays.copyOfRange(reply, 1, reply.length));
    }

    @ParameterizedTest(name = "cipher suite {0}")
    @ValueSource(ints = {3, 17})
    void usernamePlusPrivilegeLookupAlsoWorks(int suite) {
        assertEquals(0, client(suite).login("oper", "opsecret", 0x03));
    }

    @Test
    void sessionStartsAtUserAndSetSessionPrivilegeRaisesUpToTheMaximum() {
        OracleClient c = client(17);
        assertEquals(0, c.login("oper", "opsecret", 0x13));
        // Chassis Control needs OPERATOR: the session starts at USER (IPMI 2.0 §13.21), so D4h first.
        assertEquals((byte) 0xD4, c.command(0x00, 0x02, (byte) 0x01).orElseThrow()[0]);
        assertArrayEquals(
                new byte[] {0x00, 0x03}, c.command(0x06, 0x3B, (byte) 0x03).orElseThrow());
        assertEquals(0x00, c.command(0x00, 0x02, (byte) 0x01).orElseThrow()[0]);
        assertEquals((byte) 0x81, c.command(0x06, 0x3B, (byte) 0x04).orElseThrow()[0], "above the session maximum");
        assertArrayEquals(
                new byte[] {0x00, 0x03}, c.command(0x06, 0x3B, (byte) 0x00).orElseThrow(), "0 = report");
    }

    @Test
    void closeSessionAnswersThenForgetsTheSession() {
        OracleClient c = client(3);
        assertEquals(0, c.login("admin", "secret", 0x14));
        byte[] id = OracleClient.le(c.bmcSessionId);
        assertArrayEquals(new byte[] {0x00}, c.command(0x06, 0x3C, id).orElseThrow());
        assertEquals(0, bmc.processor.activeSessions());
        assertEquals(Optional.empty(), c.command(0x06, 0x01), "closed session: silence");
    }

    @Test
    void sessionLogLinesWaitForTheSessionToCloseOrTheSweepAndKeepTheirOrder() {
        ListAppender<ILoggingEvent> lines = sessionLines();
        try {
            OracleClient c = client(3);
            assertEquals(0, c.login("admin", "secret", 0x14));
            Instant loggedIn = bmc.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            bmc.processor.afterReply();
            assertEquals(List.of(), messages(lines), "not after the RAKP 4: the session's first message comes next");
            assertEquals(0x00, c.command(0x06, 0x01).orElseThrow()[0]);
            bmc.processor.afterReply();
            assertEquals(List.of(), messages(lines), "nor after a message of the session");
            bmc.clock.advance(Duration.ofSeconds(3));
            assertArrayEquals(
                    new byte[] {0x00},
                    c.command(0x06, 0x3C, OracleClient.le(c.bmcSessionId)).orElseThrow());
            assertEquals(List.of(), messages(lines), "the Close Session reply first");
            bmc.processor.afterReply();
            assertEquals(2, messages(lines).size(), messages(lines)::toString);
            assertTrue(
                    messages(lines).get(0).endsWith("established at " + loggedIn + ", max privilege ADMINISTRATOR"),
                    messages(lines)::toString);
            assertTrue(messages(lines).get(0).contains("(ACTIVE, user 'admin', suite 3, "), messages(lines)::toString);
            assertTrue(messages(lines).get(1).endsWith("closed: Close Session"), messages(lines)::toString);
            // a session that stays open: its line comes with the next sweep
            OracleClient other = client(17);
            assertEquals(0, other.login("admin", "secret", 0x14));
            bmc.processor.afterReply();
            assertEquals(0x00, other.command(0x06, 0x01).orElseThrow()[0]);
            assertEquals(2, messages(lines).size());
            assertEquals(0, bmc.processor.sweep(), "nothing timed out");
            assertEquals(3, messages(lines).size());
            assertTrue(messages(lines).get(2).contains("suite 17"), messages(lines)::toString);
            bmc.processor.sweep();
            assertEquals(3, messages(lines).size(), "written once");
        } finally {
            detach(lines);
        }
    }

    @Test
    void aWaitingLoginLineIsWrittenBeforeTheCloseOfAnotherSession() {
        ListAppender<ILoggingEvent> lines = sessionLines();
        try {
            OracleClient first = client(3);
            assertEquals(0, first.login("admin", "secret", 0x14));
            OracleClient second = OracleClient.inProcess(3, bmc.processor, new InetSocketAddress(LOOPBACK, 40624));
            assertEquals(0, second.login("oper", "opsecret", 0x13));
            assertArrayEquals(
                    new byte[] {0x00},
                    second.command(0x06, 0x3C, OracleClient.le(second.bmcSessionId))
                            .orElseThrow());
            // no afterReply(): the lines come out before the next datagram is handled, in the order of the events
            assertEquals(0x00, first.command(0x06, 0x01).orElseThrow()[0]);
            List<String> written = messages(lines);
            assertEquals(3, written.size(), written::toString);
            assertTrue(written.get(0).contains("user 'admin'") && written.get(0).contains(" established at "));
            assertTrue(written.get(1).contains("user 'oper'") && written.get(1).contains(" established at "));
            assertTrue(written.get(2).contains("user 'oper'") && written.get(2).endsWith("closed: Close Session"));
        } finally {
            detach(lines);
        }
    }

    /** The session log lines ("established", "closed") as they are written. */
    private static ListAppender<ILoggingEvent> sessionLines() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        ((Logger) LoggerFactory.getLogger(RakpHandshake.class)).addAppender(lines);
        ((Logger) LoggerFactory.getLogger(SessionTable.class)).addAppender(lines);
        return lines;
    }

    private static void detach(ListAppender<ILoggingEvent> lines) {
        ((Logger) LoggerFactory.getLogger(RakpHandshake.class)).detachAppender(lines);
        ((Logger) LoggerFactory.getLogger(SessionTable.class)).detachAppender(lines);
    }

    private static List<String> messages(ListAppender<ILoggingEvent> lines) {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aRetransmittedRakp3GetsTheSameRakp4UntilTheSessionIsUsed() {
        OracleClient c = client(3);
        assertEquals(0, c.login("admin", "secret", 0x14));
        byte[] rakp3 = c.lastSent.clone();
        byte[] first = bmc.processor.process(rakp3, CONSOLE).orElseThrow();
        assertEquals(0x00, first[17], "RAKP 4 status OK again (lost RAKP 4 case)");
        assertTrue(c.command(0x06, 0x01).isPresent());
        assertEquals(Optional.empty(), bmc.processor.process(rakp3, CONSOLE), "not after the session was used");
    }

    @Test
    void unknownUserGetsStatus0DhWithoutHmac() {
        OracleClient c = client(17);
        assertEquals(0, c.openSession(0));
        assertEquals(RakpStatus.UNAUTHORIZED_NAME, c.rakp1("mallory", "x", 0x14)); // oracle asserts 8-byte reply
    }

    @Test
    void disabledUserLooksExactlyLikeAnUnknownOne() {
        bmc.users.put(new IpmiUser(
                4, "gone", false, "pw".getBytes(java.nio.charset.StandardCharsets.US_ASCII), Privilege.ADMINISTRATOR));
        OracleClient c = client(3);
        c.openSession(0);
        assertEquals(RakpStatus.UNAUTHORIZED_NAME, c.rakp1("gone", "pw", 0x14));
    }

    @Test
    void nullUserNameIsRefusedByDefault() {
        OracleClient c = client(3);
        c.openSession(0);
        assertEquals(RakpStatus.UNAUTHORIZED_NAME, c.rakp1("", "", 0x14));
    }

    @Test
    void nullUserNameWorksOnlyWithTheInsecureOption() {
        LanTestServer insecure = new LanTestServer(IpmiLanOptions.defaults().withAllowInsecure(true));
        insecure.users.put(IpmiUser.of(1, "", "anon", Privilege.USER));
        OracleClient c = OracleClient.inProcess(3, insecure.processor, CONSOLE);
        assertEquals(0, c.login("", "anon", 0x12));
        byte[] caps = c.command(0x06, 0x38, (byte) 0x8E, (byte) 0x02).orElseThrow();
        assertEquals(0x06, caps[3], "auth status: non-null and null user names");
        bmc.users.put(IpmiUser.of(1, "", "anon", Privilege.USER));
        OracleClient secure = client(3);
        secure.openSession(0);
        assertEquals(RakpStatus.UNAUTHORIZED_NAME, secure.rakp1("", "anon", 0x12), "default: refused");
    }

    @Test
    void wrongPasswordFailsRakp2CheckAndRakp3GetsStatus0Fh() {
        OracleClient c = client(17);
        c.openSession(0);
        assertEquals(-1, c.rakp1("admin", "not-secret", 0x14), "the console detects the wrong key in RAKP 2");
        assertEquals(RakpStatus.INVALID_INTEGRITY_CHECK_VALUE, c.rakp3("admin", "not-secret", 0x14, false));
        assertEquals(1, bmc.counters.authFailureCount());
        assertEquals(0, bmc.processor.activeSessions());
    }

    @Test
    void openSessionAnswersHighestForPrivilegeZeroAndRefusesCipherZero() {
        OracleClient c = client(3);
        byte[] reply = c.exchange(
                0x10,
                HexFormat.of()
                        .parseHex("2a000000" + "44332211" + "0000000801000000" + "0100000801000000"
                                + "0200000801000000"));
        assertEquals(0x2A, reply[0] & 0xFF, "message tag echoed");
        assertEquals(0x00, reply[1], "status OK");
        assertEquals(0x04, reply[2], "privilege 0 = highest: ADMINISTRATOR");
        assertArrayEquals(HexFormat.of().parseHex("44332211"), java.util.Arrays.copyOfRange(reply, 4, 8));
        assertEquals(36, reply.length);
        byte[] none = c.exchange(
                0x10,
                HexFormat.of()
                        .parseHex("2b000000" + "44332211" + "0000000800000000" + "0100000800000000"
                                + "0200000800000000"));
        assertArrayEquals(HexFormat.of().parseHex("2b11000044332211"), none, "status 11h, no cipher suite match");
    }

    @Test
    void replayedAndTamperedPacketsAreDropped() {
        OracleClient c = client(17);
        c.login("admin", "secret", 0x14);
        assertTrue(c.command(0x06, 0x01).isPresent());
        byte[] sent = c.lastSent.clone();
        assertEquals(Optional.empty(), bmc.processor.process(sent, CONSOLE), "replay of the same sequence number");
        c.seq += 5;
        byte[] tampered = c.sessionPacket(c.lanRequest(0x06, 0x01), ++c.seq);
        tampered[20] ^= 0x01;
        long failures = bmc.counters.authFailureCount();
        assertEquals(Optional.empty(), bmc.processor.process(tampered, CONSOLE));
        assertEquals(failures + 1, bmc.counters.authFailureCount());
        assertEquals(
                Optional.empty(),
                bmc.processor.process(c.sessionPacket(c.lanRequest(0x06, 0x01), c.seq + 40), CONSOLE),
                "beyond the +16 window");
        assertTrue(c.command(0x06, 0x01).isPresent(), "in-window packets still work");
        assertEquals(
                Optional.empty(),
                bmc.processor.process(
                        c.sessionPacket(c.lanRequest(0x06, 0x01), c.seq + 1), new InetSocketAddress(LOOPBACK, 1)),
                "another source cannot use the session");
    }

    @Test
    void idleSessionTimesOutOnTheInjectedClock() {
        OracleClient c = client(3);
        c.login("admin", "secret", 0x14);
        bmc.clock.advance(IpmiLanOptions.DEFAULT_IDLE_TIMEOUT.minusSeconds(1));
        assertTrue(c.command(0x06, 0x01).isPresent(), "activity resets the idle timer");
        bmc.clock.advance(IpmiLanOptions.DEFAULT_IDLE_TIMEOUT);
        assertEquals(1, bmc.processor.sweep());
        assertEquals(0, bmc.processor.activeSessions());
        assertEquals(Optional.empty(), c.command(0x06, 0x01));
    }

    @Test
    void getDeviceIdFromTheTestTableGoesThroughTheDispatcherWithTheSessionContext() {
        OracleClient c = client(17);
        c.login("admin", "secret", 0x14);
        assertEquals((byte) 0xC1, c.command(0x2C, 0x3E, (byte) 0x00).orElseThrow()[0], "unknown → C1h (dispatcher)");
        assertEquals(0x00, c.command(0x06, 0x38, (byte) 0x8E, (byte) 0x04).orElseThrow()[0], "38h also in session");
    }

    @Test
    void idleTimeoutOptionIsHonoured() {
        LanTestServer short1 = new LanTestServer(
                IpmiLanOptions.defaults().withSessions(4, 2, Duration.ofSeconds(5), Duration.ofSeconds(3)));
        OracleClient c = OracleClient.inProcess(17, short1.processor, CONSOLE);
        c.login("admin", "secret", 0x14);
        short1.clock.advance(Duration.ofSeconds(5));
        assertEquals(Optional.empty(), c.command(0x06, 0x01), "lazily expired on the packet itself");
    }
}
