package dev.bmcagent.ipmi.session;

import dev.bmcagent.common.log.RateLimitedLog;
import dev.bmcagent.ipmi.lan.AsfPresence;
import dev.bmcagent.ipmi.lan.DatagramProcessor;
import dev.bmcagent.ipmi.lan.Decoded;
import dev.bmcagent.ipmi.lan.Ipmi15Packet;
import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import dev.bmcagent.ipmi.lan.LanCounters;
import dev.bmcagent.ipmi.lan.LanMessage;
import dev.bmcagent.ipmi.lan.PayloadType;
import dev.bmcagent.ipmi.lan.RmcpHeader;
import dev.bmcagent.ipmi.lan.RmcpPlusPacket;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole IPMI-over-LAN protocol as a pure function of (datagram, sender, clock): RMCP/ASF presence,
 * the sessionless pre-login commands (the command table's pre-session rows), RMCP+ session establishment and in-session messages for one managed
 * host. Never throws: anything malformed is counted in {@link LanCounters} and dropped. Thread-safe (one
 * lock; the Netty server calls it from a single event loop anyway).
 */
public final class LanPacketProcessor implements DatagramProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(LanPacketProcessor.class);

    private final Clock clock;
    private final LanCounters counters;
    private final SessionTable sessions;
    private final HandshakeNonces nonces;
    private final RakpHandshake handshake;
    private final SessionMessages messages;
    private final boolean allowNullUsers;
    private final Dispatcher dispatcher;
    /** Who sends a sessionless message: LAN, before login (Callback privilege), no user, no session. */
    private final RequestContext preSession;

    private final RateLimitedLog errors = new RateLimitedLog(LOG);
    private final IpmiUserDirectory users;
    private final LoginGuard guard;

    /**
     * @param options    limits, timeouts, lockout and the insecure switch
     * @param users      the users port
     * @param dispatcher the command table: everything but Set Session Privilege Level and Close Session, with the
     *                   pre-session rows (Get Channel Authentication Capabilities, Get Channel Cipher Suites) that
     *                   are the only commands answered outside a session
     * @param hostIndex  the managed host this LAN endpoint serves (goes into every {@code RequestContext})
     * @param systemGuid the BMC's 16-byte GUID (RAKP 2/4; should equal Get System GUID's answer)
     * @param clock      time source for idle and handshake timeouts and the lockout window
     * @param random     source of session IDs, RAKP randoms and AES IVs
     * @param counters   where drops and failures are counted
     */
    public LanPacketProcessor(
            IpmiLanOptions options,
            IpmiUserDirectory users,
            Dispatcher dispatcher,
            int hostIndex,
            byte[] systemGuid,
            Clock clock,
            SecureRandom random,
            LanCounters counters) {
        this(
                options,
                users,
                new SourceLockout(options.lockoutThreshold(), options.lockoutWindow(), options.lockoutDuration()),
                dispatcher,
                hostIndex,
                systemGuid,
                clock,
                random,
                counters);
    }

    /**
     * @param guard lockout and RAKP throttling, shared by every LAN endpoint (and Redfish) of the agent
     */
    public LanPacketProcessor(
            IpmiLanOptions options,
            IpmiUserDirectory users,
            LoginGuard guard,
            Dispatcher dispatcher,
            int hostIndex,
            byte[] systemGuid,
            Clock clock,
            SecureRandom random,
            LanCounters counters) {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(dispatcher, "dispatcher");
        if (systemGuid.length != 16) {
            throw new IllegalArgumentException("system GUID must be 16 bytes");
        }
        if (hostIndex < 0) {
            throw new IllegalArgumentException("hostIndex must be >= 0");
        }
        this.users = users;
        this.guard = guard;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.allowNullUsers = options.allowInsecure();
        this.dispatcher = dispatcher;
        this.preSession = RequestContext.outsideSession(hostIndex);
        if (allowNullUsers) {
            LOG.warn("IPMI LAN: insecure option on — null/anonymous user names are accepted");
        }
        this.nonces = new HandshakeNonces(random);
        this.sessions = new SessionTable(
                options.maxSessions(),
                options.maxPendingPerSource(),
                options.idleTimeout(),
                options.handshakeTimeout(),
                nonces,
                this::handshakeTimedOut);
        this.handshake = new RakpHandshake(sessions, users, guard, counters, nonces, systemGuid, allowNullUsers);
        this.messages = new SessionMessages(sessions, dispatcher, counters, random, hostIndex);
    }

    @Override
    public synchronized Optional<byte[]> process(byte[] datagram, InetSocketAddress sender) {
        sessions.runAfterReply(); // left by a caller that did not call afterReply()
        Instant now = clock.instant();
        try {
            return route(datagram, sender, now);
        } catch (RuntimeException e) {
            counters.internalError();
            errors.warn(
                    now,
                    "IPMI LAN internal error",
                    "IPMI LAN datagram from {} dropped after an internal error",
                    sender,
                    e);
            return Optional.empty();
        }
    }

    /**
     * What the last datagram left for after its reply ({@code AfterReply}): a new session's keys, the lockout's
     * bookkeeping, and, when it closed a session, the session log lines waiting ("established", "closed"; see
     * {@code SessionTable.logWhenQuiet}), so that none of it delays the reply (a log line took longer than the RAKP 3
     * itself when measured). Then the random values the next login will need are drawn ({@link HandshakeNonces}).
     */
    @Override
    public synchronized void afterReply() {
        sessions.runAfterReply();
        nonces.refill();
    }

    /**
     * Closes idle sessions and stale handshakes and writes the session log lines still waiting (the "established"
     * line of a session still open); the agent calls it every second. Returns how many sessions it closed.
     */
    public synchronized int sweep() {
        int closed = sessions.expire(clock.instant());
        sessions.runAfterReply();
        sessions.writeLines();
        return closed;
    }

    /** Sessions that finished RAKP and are not closed or timed out (as of the last packet or sweep). */
    public synchronized int activeSessions() {
        return sessions.activeCount();
    }

    private void handshakeTimedOut(RmcpPlusSession session, Instant now) {
        handshake.handshakeTimedOut(session, now);
    }

    public LanCounters counters() {
        return counters;
    }

    private Optional<byte[]> route(byte[] datagram, InetSocketAddress sender, Instant now) {
        Decoded<RmcpHeader> header = RmcpHeader.decode(datagram);
        if (!header.isOk() || header.value().ack()) {
            return drop();
        }
        if (header.value().messageClass() == RmcpHeader.CLASS_ASF) {
            Decoded<AsfPresence.Ping> ping = AsfPresence.decodePing(datagram);
            return ping.isOk() ? Optional.of(AsfPresence.encodePong(ping.value())) : drop();
        }
        if (header.value().messageClass() != RmcpHeader.CLASS_IPMI) {
            return drop();
        }
        return RmcpPlusPacket.isRmcpPlus(datagram) ? rmcpPlus(datagram, sender, now) : v15(datagram);
    }

    /** IPMI v1.5 wrapper: only sessionless commands with auth type NONE; v1.5 sessions are refused. */
    private Optional<byte[]> v15(byte[] datagram) {
        Decoded<Ipmi15Packet> decoded = Ipmi15Packet.decode(datagram);
        if (!decoded.isOk()
                || decoded.value().authType() != Ipmi15Packet.AUTH_NONE
                || decoded.value().sessionId() != 0) {
            return drop();
        }
        return sessionless(decoded.value().message())
                .map(reply -> new Ipmi15Packet(Ipmi15Packet.AUTH_NONE, 0, 0, reply).encode());
    }

    private Optional<byte[]> rmcpPlus(byte[] datagram, InetSocketAddress sender, Instant now) {
        int type = datagram.length > RmcpHeader.LENGTH + 1 ? datagram[RmcpHeader.LENGTH + 1] & 0x3F : -1;
        OptionalInt sessionId = RmcpPlusPacket.peekSessionId(datagram);
        if (sessionId.isEmpty()) {
            return drop();
        }
        if (sessionId.getAsInt() != 0) {
            Optional<RmcpPlusSession> s =
                    sessions.find(sessionId.getAsInt(), now).filter(x -> x.state == RmcpPlusSession.State.ACTIVE);
            if (s.isEmpty()) {
                counters.rejected();
                return Optional.empty();
            }
            if (!stillEntitled(s.get(), now)) {
                sessions.remove(s.get(), "the account was deleted, disabled, locked or its password or role changed");
                counters.rejected();
                return Optional.empty();
            }
            return messages.handle(datagram, s.get(), sender, now);
        }
        Decoded<RmcpPlusPacket> decoded = RmcpPlusPacket.decode(datagram, 0);
        if (!decoded.isOk()
                || decoded.value().authenticated()
                || decoded.value().encrypted()) {
            return drop();
        }
        byte[] payload = decoded.value().payload();
        Optional<byte[]> reply = switch (type) {
            case PayloadType.IPMI -> sessionless(payload);
            case PayloadType.OPEN_SESSION_REQUEST -> handshake.openSession(payload, sender, now);
            case PayloadType.RAKP_1 -> handshake.rakp1(payload, sender, now);
            case PayloadType.RAKP_3 -> handshake.rakp3(payload, sender, now);
            default -> drop();
        };
        int replyType = type == PayloadType.IPMI ? PayloadType.IPMI : type + 1;
        return reply.map(r -> RmcpPlusPacket.encode(replyType, false, 0, 0, r, null));
    }

    /**
     * A sessionless IPMI message: answered only when the command table allows the command before login (its
     * pre-session rows); anything else is dropped unanswered.
     */
    private Optional<byte[]> sessionless(byte[] message) {
        Decoded<LanMessage> m = LanMessage.decodeRequest(message);
        if (!m.isOk()) {
            return drop();
        }
        LanMessage msg = m.value();
        Optional<IpmiResponse> r = dispatcher.dispatchOutsideSession(
                new IpmiRequest(preSession, msg.netFn(), msg.rsLun(), msg.cmd(), msg.data()));
        if (r.isEmpty()) {
            counters.rejected();
        }
        return r.map(resp -> msg.encodeResponse(resp.completionCode().value(), resp.data()));
    }

    /**
     * A session holds the rights its account had at login only while the account is unchanged: deleted, disabled,
     * locked, renumbered or given a new password or role, the session ends at its next packet.
     */
    private boolean stillEntitled(RmcpPlusSession s, Instant now) {
        if (s.user == null || s.user.name().isEmpty()) {
            return true;
        }
        return users.findByName(s.user.name()).filter(u -> u.equals(s.user)).isPresent()
                && guard.mayTry(s.user.name(), s.source.getAddress(), now);
    }

    private Optional<byte[]> drop() {
        counters.malformed();
        return Optional.empty();
    }
}
