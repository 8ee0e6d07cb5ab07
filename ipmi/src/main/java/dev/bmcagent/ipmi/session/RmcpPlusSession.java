package dev.bmcagent.ipmi.session;

import dev.bmcagent.ipmi.message.Privilege;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Locale;

/**
 * One RMCP+ session, from Open Session to Close Session. Mutable, confined to the session layer's lock.
 */
final class RmcpPlusSession {
    /** Where the handshake stands. */
    enum State {
        OPENED,
        RAKP2_SENT,
        ACTIVE
    }

    final int bmcSessionId;
    final int consoleSessionId;
    final InetSocketAddress source;
    final CipherSuite suite;
    final Instant createdAt;
    State state = State.OPENED;
    Instant lastActivity;

    // Handshake values (RAKP 1/2).
    byte[] consoleRandom;
    byte[] bmcRandom;
    int role;
    byte[] userNameBytes = new byte[0];
    IpmiUser user;
    /** The accepted RAKP 3 auth code and our RAKP 4, to answer a retransmitted RAKP 3 (lost RAKP 4). */
    byte[] rakp3Code;

    byte[] rakp4;
    boolean sawSessionPacket;

    // Active session values.
    byte[] k1;
    byte[] k2;
    Privilege maxPrivilege = Privilege.USER;
    Privilege privilege = Privilege.USER;
    final SequenceWindow inbound = new SequenceWindow();
    private int outbound;

    RmcpPlusSession(int bmcSessionId, int consoleSessionId, InetSocketAddress source, CipherSuite suite, Instant now) {
        this.bmcSessionId = bmcSessionId;
        this.consoleSessionId = consoleSessionId;
        this.source = source;
        this.suite = suite;
        this.createdAt = now;
        this.lastActivity = now;
    }

    int nextOutboundSequence() {
        outbound++;
        if (outbound == 0) {
            outbound = 1;
        }
        return outbound;
    }

    String userName() {
        return user == null ? "" : user.name();
    }

    /**
     * What the session log lines say about this session, as of now: immutable, so that a line written later
     * ({@link SessionTable#logWhenQuiet}, possibly by the sweep's thread) says what was true when its event happened.
     */
    Label label() {
        return new Label(bmcSessionId, state, userName(), suite.id(), source);
    }

    @Override
    public String toString() {
        return label().toString();
    }

    /** The session as a log line names it; {@link #toString()} is the text. */
    record Label(int bmcSessionId, State state, String user, int suite, InetSocketAddress source) {
        @Override
        public String toString() {
            // no String.format (its Formatter and locale data were most of the logging cost in a JFR profile of RAKP
            // and Close Session)
            String id = Integer.toHexString(bmcSessionId).toUpperCase(Locale.ROOT);
            return "session " + "0".repeat(8 - id.length()) + id + "h (" + state + ", user '" + user + "', suite "
                    + suite + ", " + source + ")";
        }
    }
}
