package dev.bmcagent.ipmi.session;

import dev.bmcagent.ipmi.lan.Decoded;
import dev.bmcagent.ipmi.lan.LanCounters;
import dev.bmcagent.ipmi.lan.LanMessage;
import dev.bmcagent.ipmi.lan.PayloadType;
import dev.bmcagent.ipmi.lan.RmcpPlusPacket;
import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IPMI messages inside an active RMCP+ session: checks the AuthCode (§13.28.4), the sequence window and
 * decrypts (§13.29); answers Set Session Privilege Level (App 3Bh) and Close Session (App 3Ch) itself and
 * hands every other command to the {@link Dispatcher}; signs and encrypts the response.
 */
final class SessionMessages {
    private static final Logger LOG = LoggerFactory.getLogger(SessionMessages.class);
    static final int SET_SESSION_PRIVILEGE = 0x3B;
    static final int CLOSE_SESSION = 0x3C;
    private static final CompletionCode PRIVILEGE_NOT_AVAILABLE = CompletionCode.of(0x80);
    private static final CompletionCode PRIVILEGE_EXCEEDS_LIMIT = CompletionCode.of(0x81);
    private static final CompletionCode INVALID_SESSION_ID = CompletionCode.of(0x87);

    private final SessionTable sessions;
    private final Dispatcher dispatcher;
    private final LanCounters counters;
    private final SecureRandom random;
    private final int hostIndex;

    SessionMessages(
            SessionTable sessions, Dispatcher dispatcher, LanCounters counters, SecureRandom random, int hostIndex) {
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.counters = counters;
        this.random = random;
        this.hostIndex = hostIndex;
    }

    Optional<byte[]> handle(byte[] datagram, RmcpPlusSession s, InetSocketAddress source, Instant now) {
        CipherSuite suite = s.suite;
        Decoded<RmcpPlusPacket> decoded = RmcpPlusPacket.decode(datagram, suite.authCodeLength());
        if (!decoded.isOk()) {
            counters.malformed();
            return Optional.empty();
        }
        RmcpPlusPacket p = decoded.value();
        if (!p.authenticated()
                || !source.equals(s.source)
                || !RmcpPlusCrypto.same(RmcpPlusCrypto.authCode(suite, s.k1, p.signed()), p.authCode())) {
            counters.authFailure();
            return Optional.empty();
        }
        if (p.payloadType() != PayloadType.IPMI || !p.encrypted()) {
            counters.malformed();
            return Optional.empty();
        }
        if (!s.inbound.accept(p.sequence())) {
            counters.rejected(); // replay or outside the sequence window (§6.12.13)
            return Optional.empty();
        }
        Decoded<byte[]> plain = RmcpPlusCrypto.decrypt(s.k2, p.payload());
        Decoded<LanMessage> message =
                plain.isOk() ? LanMessage.decodeRequest(plain.value()) : Decoded.malformed("decrypt");
        if (!message.isOk()) {
            counters.malformed();
            return Optional.empty();
        }
        s.lastActivity = now;
        s.sawSessionPacket = true;
        LanMessage m = message.value();
        IpmiResponse response = respond(s, m);
        byte[] reply = encode(s, m.encodeResponse(response.completionCode().value(), response.data()));
        if (m.netFn() == NetFn.APP
                && m.cmd() == CLOSE_SESSION
                && response.completionCode().isOk()
                && closesItself(s, m)) {
            sessions.remove(s, "Close Session");
        }
        return Optional.of(reply);
    }

    private IpmiResponse respond(RmcpPlusSession s, LanMessage m) {
        if ((m.netFn() & 1) != 0) {
            return IpmiResponse.error(CompletionCode.INVALID_COMMAND);
        }
        if (m.netFn() == NetFn.APP && m.cmd() == SET_SESSION_PRIVILEGE) {
            return setPrivilege(s, m.data());
        }
        if (m.netFn() == NetFn.APP && m.cmd() == CLOSE_SESSION) {
            return close(s, m.data());
        }
        RequestContext ctx = new RequestContext(Channel.LAN, s.privilege, s.userName(), s.bmcSessionId, hostIndex);
        try {
            return dispatcher.dispatch(new IpmiRequest(ctx, m.netFn(), m.rsLun(), m.cmd(), m.data()));
        } catch (RuntimeException e) {
            LOG.error("IPMI dispatch failed for {}", m, e);
            return IpmiResponse.error(CompletionCode.UNSPECIFIED);
        }
    }

    /** Set Session Privilege Level (§22.18): 0 = report only; above the session's maximum → 81h. */
    private static IpmiResponse setPrivilege(RmcpPlusSession s, byte[] data) {
        if (data.length != 1) {
            return IpmiResponse.error(CompletionCode.INVALID_LENGTH);
        }
        int requested = data[0] & 0x0F;
        if (requested != 0) {
            Optional<Privilege> p = Privilege.fromCode(requested);
            if (p.isEmpty()) {
                return IpmiResponse.error(CompletionCode.INVALID_DATA_FIELD);
            }
            if (p.get() == Privilege.CALLBACK) {
                return IpmiResponse.error(PRIVILEGE_NOT_AVAILABLE);
            }
            if (!s.maxPrivilege.atLeast(p.get())) {
                return IpmiResponse.error(PRIVILEGE_EXCEEDS_LIMIT);
            }
            s.privilege = p.get();
        }
        return IpmiResponse.ok((byte) s.privilege.code());
    }

    /** Close Session (§22.19): its own session always; another one only for an administrator. */
    private IpmiResponse close(RmcpPlusSession s, byte[] data) {
        if (data.length != 4 && data.length != 5) {
            return IpmiResponse.error(CompletionCode.INVALID_LENGTH);
        }
        int id = RakpHandshake.u32le(data);
        if (id == s.bmcSessionId) {
            return IpmiResponse.ok();
        }
        if (!s.privilege.atLeast(Privilege.ADMINISTRATOR)) {
            return IpmiResponse.error(CompletionCode.INSUFFICIENT_PRIVILEGE);
        }
        Optional<RmcpPlusSession> other = id == 0 ? Optional.empty() : sessions.find(id, s.lastActivity);
        if (other.isEmpty()) {
            return IpmiResponse.error(INVALID_SESSION_ID);
        }
        sessions.remove(other.get(), "closed by session " + Integer.toHexString(s.bmcSessionId));
        return IpmiResponse.ok();
    }

    private static boolean closesItself(RmcpPlusSession s, LanMessage m) {
        byte[] d = m.data();
        return d.length >= 4 && RakpHandshake.u32le(d) == s.bmcSessionId;
    }

    private byte[] encode(RmcpPlusSession s, byte[] lanMessage) {
        byte[] payload = RmcpPlusCrypto.encrypt(s.k2, random, lanMessage);
        return RmcpPlusPacket.encode(
                PayloadType.IPMI,
                true,
                s.consoleSessionId,
                s.nextOutboundSequence(),
                payload,
                signed -> RmcpPlusCrypto.authCode(s.suite, s.k1, signed));
    }
}
