package dev.bmcagent.ipmi.session;

import dev.bmcagent.common.log.RateLimitedLog;
import dev.bmcagent.ipmi.lan.Decoded;
import dev.bmcagent.ipmi.lan.LanCounters;
import dev.bmcagent.ipmi.message.Privilege;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RMCP+ session establishment (IPMI 2.0 §13.17-13.23): Open Session, RAKP 1 → 2, RAKP 3 → 4. Each method
 * takes a decoded payload and returns the reply payload, or empty to stay silent. Unknown, disabled and
 * locked-out users get RAKP 2 status 0Dh without an HMAC (CVE-2013-4786 mitigation). Every RAKP 2 that carries an
 * HMAC is counted by the {@link LoginGuard} as a failure of that user from that source address until the RAKP 3
 * proves the password, so neither a console that gives up silently (ipmitool, FreeIPMI) nor one that harvests
 * HMACs gets more than the lockout threshold of them; RAKP 1 is rate limited per source address.
 */
final class RakpHandshake {
    private static final Logger LOG = LoggerFactory.getLogger(RakpHandshake.class);

    private final SessionTable sessions;
    private final IpmiUserDirectory users;
    private final LoginGuard guard;
    private final LanCounters counters;
    private final HandshakeNonces nonces;
    private final byte[] guid;
    private final boolean allowNullUsers;
    /** Anyone can send these without credentials: a few lines per kind per 10 s, then a count. */
    private final RateLimitedLog refusals = new RateLimitedLog(LOG);

    RakpHandshake(
            SessionTable sessions,
            IpmiUserDirectory users,
            LoginGuard guard,
            LanCounters counters,
            HandshakeNonces nonces,
            byte[] guid,
            boolean allowNullUsers) {
        this.sessions = sessions;
        this.users = users;
        this.guard = guard;
        this.counters = counters;
        this.nonces = nonces;
        this.guid = guid.clone();
        this.allowNullUsers = allowNullUsers;
    }

    /** Open Session Request → Response. Privilege 0 ("highest") is answered with the channel limit. */
    Optional<byte[]> openSession(byte[] payload, InetSocketAddress source, Instant now) {
        Decoded<OpenSession.Request> decoded = OpenSession.Request.decode(payload);
        if (!decoded.isOk()) {
            counters.malformed();
            return Optional.empty();
        }
        OpenSession.Request req = decoded.value();
        if (req.requestedPrivilege() > Privilege.ADMINISTRATOR.code()) {
            return reply(OpenSession.Response.error(req.tag(), RakpStatus.INVALID_ROLE, req.consoleSessionId()));
        }
        Optional<CipherSuite> suite = CipherSuite.match(req.auth(), req.integrity(), req.confidentiality());
        if (suite.isEmpty()) {
            refusals.info(
                    now,
                    "IPMI Open Session refused (no cipher suite match)",
                    "IPMI Open Session from {} refused: no offered cipher suite matches auth {} integrity {} conf {}",
                    source,
                    req.auth(),
                    req.integrity(),
                    req.confidentiality());
            return reply(
                    OpenSession.Response.error(req.tag(), RakpStatus.NO_CIPHER_SUITE_MATCH, req.consoleSessionId()));
        }
        Optional<RmcpPlusSession> opened = sessions.open(req.consoleSessionId(), source, suite.get(), now);
        if (opened.isEmpty()) {
            return reply(
                    OpenSession.Response.error(req.tag(), RakpStatus.INSUFFICIENT_RESOURCES, req.consoleSessionId()));
        }
        int granted = req.requestedPrivilege() == 0 ? Privilege.ADMINISTRATOR.code() : req.requestedPrivilege();
        RmcpPlusSession s = opened.get();
        return reply(new OpenSession.Response(
                req.tag(), RakpStatus.OK, granted, req.consoleSessionId(), s.bmcSessionId, s.suite));
    }

    /** RAKP 1 → RAKP 2. */
    Optional<byte[]> rakp1(byte[] payload, InetSocketAddress source, Instant now) {
        Decoded<Rakp.Message1> decoded = Rakp.Message1.decode(payload);
        if (!decoded.isOk()) {
            counters.malformed();
            return Optional.empty();
        }
        Rakp.Message1 m = decoded.value();
        Optional<RmcpPlusSession> found = sessions.find(m.bmcSessionId(), now)
                .filter(s -> s.state != RmcpPlusSession.State.ACTIVE && s.source.equals(source));
        if (found.isEmpty()) {
            return Optional.of(new Rakp.Message2(m.tag(), RakpStatus.INVALID_SESSION_ID, 0, null, null, null).encode());
        }
        RmcpPlusSession s = found.get();
        s.lastActivity = now;
        if (!guard.rakpAllowed(source.getAddress(), now)) {
            counters.rejected();
            refusals.warn(
                    now,
                    "IPMI RAKP 1 rate limit",
                    "IPMI RAKP 1 from {} refused: more than {} per second from " + "one address",
                    source,
                    SourceLockout.RAKP_PER_SECOND);
            sessions.remove(s, "RAKP rate limit");
            return rakp2Error(m, s, RakpStatus.INSUFFICIENT_RESOURCES);
        }
        int requested = m.role() & 0x0F;
        if (requested > Privilege.OEM.code() || (m.role() & 0xE0) != 0) {
            sessions.remove(s, "bad role");
            return rakp2Error(m, s, RakpStatus.INVALID_ROLE);
        }
        String name = m.userNameString();
        Optional<IpmiUser> user = m.userName().length == 0 && !allowNullUsers
                ? Optional.empty()
                : users.findByName(name)
                        .filter(IpmiUser::enabled)
                        .filter(u -> guard.mayTry(name, source.getAddress(), now));
        Privilege max = user.map(IpmiUser::maxPrivilege).orElse(Privilege.USER);
        if (user.isEmpty() || requested > max.code()) {
            counters.authFailure();
            refusals.warn(
                    now,
                    "IPMI login refused (RAKP 1)",
                    "IPMI login refused from {}: user '{}' unknown, disabled, locked out or above its privilege",
                    source,
                    printable(name));
            sessions.remove(s, "unauthorized name");
            return rakp2Error(m, s, RakpStatus.UNAUTHORIZED_NAME);
        }
        if (!sessions.admits(name, max == Privilege.ADMINISTRATOR)) {
            refusals.warn(
                    now,
                    "IPMI session quota",
                    "IPMI login of '{}' from {} refused: its session quota is used up",
                    printable(name),
                    source);
            sessions.remove(s, "session quota");
            return rakp2Error(m, s, RakpStatus.INSUFFICIENT_RESOURCES);
        }
        s.user = user.get();
        s.userNameBytes = m.userName();
        s.role = m.role();
        s.consoleRandom = m.consoleRandom();
        s.bmcRandom = nonces.rakpRandom();
        s.maxPrivilege = requested == 0 ? max : Privilege.fromCode(requested).orElse(Privilege.USER);
        s.state = RmcpPlusSession.State.RAKP2_SENT;
        // The HMAC below can be cracked offline: it counts as a failure until a RAKP 3 proves the password. Counted
        // once the RAKP 2 went out, before the next datagram is looked at (AfterReply), so no further RAKP 1 from
        // this source is answered without it; a lock this failure sets is stored then too.
        sessions.afterReply(() -> guard.failed(name, source.getAddress(), now));
        byte[] code = RmcpPlusCrypto.hmac(
                s.suite.hmac(),
                s.user.password(),
                le(s.consoleSessionId),
                le(s.bmcSessionId),
                s.consoleRandom,
                s.bmcRandom,
                guid,
                new byte[] {(byte) s.role, (byte) s.userNameBytes.length},
                s.userNameBytes);
        return Optional.of(
                new Rakp.Message2(m.tag(), RakpStatus.OK, s.consoleSessionId, s.bmcRandom, guid, code).encode());
    }

    /** RAKP 3 → RAKP 4; activates the session and derives SIK, K1 and K2. */
    Optional<byte[]> rakp3(byte[] payload, InetSocketAddress source, Instant now) {
        Decoded<Rakp.Message3> decoded = Rakp.Message3.decode(payload);
        if (!decoded.isOk()) {
            counters.malformed();
            return Optional.empty();
        }
        Rakp.Message3 m = decoded.value();
        Optional<RmcpPlusSession> found = sessions.find(m.bmcSessionId(), now)
                .filter(s -> s.state != RmcpPlusSession.State.OPENED && s.source.equals(source));
        if (found.isPresent() && found.get().state == RmcpPlusSession.State.ACTIVE) {
            RmcpPlusSession s = found.get();
            boolean retransmit = !s.sawSessionPacket && RmcpPlusCrypto.same(s.rakp3Code, m.authCode());
            return retransmit ? Optional.of(s.rakp4.clone()) : Optional.empty();
        }
        if (found.isEmpty()) {
            return Optional.of(new Rakp.Message4(m.tag(), RakpStatus.INVALID_SESSION_ID, 0, null).encode());
        }
        RmcpPlusSession s = found.get();
        String name = s.user.name();
        if (m.status() != RakpStatus.OK) {
            // The console found our RAKP 2 HMAC wrong: it does not know this user's password.
            loginFailed(s, source, now, String.format(Locale.ROOT, "console reported RAKP 3 status %02Xh", m.status()));
            return Optional.empty();
        }
        byte[] expected = RmcpPlusCrypto.hmac(
                s.suite.hmac(),
                s.user.password(),
                s.bmcRandom,
                le(s.consoleSessionId),
                new byte[] {(byte) s.role, (byte) s.userNameBytes.length},
                s.userNameBytes);
        if (!RmcpPlusCrypto.same(expected, m.authCode())) {
            loginFailed(s, source, now, "RAKP 3 HMAC mismatch (wrong password)");
            return Optional.of(
                    new Rakp.Message4(m.tag(), RakpStatus.INVALID_INTEGRITY_CHECK_VALUE, s.consoleSessionId, null)
                            .encode());
        }
        byte[] sik = RmcpPlusCrypto.hmac(
                s.suite.hmac(),
                s.user.password(),
                s.consoleRandom,
                s.bmcRandom,
                new byte[] {(byte) s.role, (byte) s.userNameBytes.length},
                s.userNameBytes);
        byte[] icv = Arrays.copyOf(
                RmcpPlusCrypto.hmac(s.suite.hmac(), sik, s.consoleRandom, le(s.bmcSessionId), guid),
                s.suite.authCodeLength());
        s.privilege = s.maxPrivilege.atLeast(Privilege.USER) ? Privilege.USER : s.maxPrivilege;
        s.state = RmcpPlusSession.State.ACTIVE;
        s.lastActivity = now;
        // RAKP 4 needs only the SIK. The session keys (and the engines keyed with them for the session's first packet)
        // and the lockout's reset follow it, before that packet (AfterReply runs before the next datagram); the log
        // line waits for a quiet moment (SessionTable.logWhenQuiet).
        sessions.afterReply(() -> {
            s.k1 = RmcpPlusCrypto.k1(s.suite, sik);
            s.k2 = RmcpPlusCrypto.k2(s.suite, sik);
            RmcpPlusCrypto.keyEngines(s.suite, s.k1, s.k2);
            guard.succeeded(name, source.getAddress(), now);
        });
        RmcpPlusSession.Label label = s.label();
        Privilege max = s.maxPrivilege;
        sessions.logWhenQuiet(() -> LOG.info(
                "IPMI {} established at {}, max privilege {}", label, now.truncatedTo(ChronoUnit.MILLIS), max));
        s.rakp3Code = m.authCode();
        s.rakp4 = new Rakp.Message4(m.tag(), RakpStatus.OK, s.consoleSessionId, icv).encode();
        return Optional.of(s.rakp4.clone());
    }

    /**
     * A console that got RAKP 2 for a known user and never sent RAKP 3: ipmitool and FreeIPMI check the RAKP 2
     * HMAC themselves and give up silently on a wrong password, so this is how their failures show.
     */
    void handshakeTimedOut(RmcpPlusSession s, Instant now) {
        if (s.user != null) {
            loginFailed(s, s.source, now, "no RAKP 3 after RAKP 2 (wrong password on the console side, or aborted)");
        }
    }

    private void loginFailed(RmcpPlusSession s, InetSocketAddress source, Instant now, String why) {
        counters.authFailure();
        sessions.remove(s, why);
        refusals.warn(
                now, "IPMI login failed", "IPMI login failed for user '{}' from {}: {}", s.user.name(), source, why);
    }

    private static Optional<byte[]> rakp2Error(Rakp.Message1 m, RmcpPlusSession s, int status) {
        return Optional.of(new Rakp.Message2(m.tag(), status, s.consoleSessionId, null, null, null).encode());
    }

    private static Optional<byte[]> reply(OpenSession.Response r) {
        return Optional.of(r.encode());
    }

    static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    static int u32le(byte[] b) {
        return ByteBuffer.wrap(b, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
