package dev.bmcagent.ipmi.session;

import java.security.SecureRandom;

/**
 * The random values of a login — the BMC's session ID (Open Session) and its 16-byte RAKP 2 random — drawn ahead of
 * need, once a reply went out ({@link LanPacketProcessor#afterReply()}), so that answering Open Session and RAKP 1
 * does not wait for the {@link SecureRandom}. A login comes after a pause, and the first draw after a pause is the
 * slow one: 12 µs of an Open Session's 36 µs in the agent (temporary instrumentation, 20 warm-up runs of
 * {@code scripts/bench/ipmi.sh}). Each value is handed out once; drawing ahead changes when it is drawn, not from
 * what. Not thread-safe: used under the processor's lock.
 */
final class HandshakeNonces {
    private final SecureRandom random;
    /** 0: none drawn (0 is not a valid session ID). */
    private int sessionId;

    private byte[] rakpRandom;

    HandshakeNonces(SecureRandom random) {
        this.random = random;
    }

    /** A non-zero session ID never handed out before by this object; the caller checks it against the table. */
    int sessionId() {
        int id = sessionId != 0 ? sessionId : drawSessionId();
        sessionId = 0;
        return id;
    }

    /** The BMC's random number for RAKP 2 (IPMI 2.0 §13.21, 16 bytes). */
    byte[] rakpRandom() {
        byte[] r = rakpRandom != null ? rakpRandom : drawRakpRandom();
        rakpRandom = null;
        return r;
    }

    /** Draws what the last datagram used, for the next login. */
    void refill() {
        if (sessionId == 0) {
            sessionId = drawSessionId();
        }
        if (rakpRandom == null) {
            rakpRandom = drawRakpRandom();
        }
    }

    private int drawSessionId() {
        int id;
        do {
            id = random.nextInt();
        } while (id == 0);
        return id;
    }

    private byte[] drawRakpRandom() {
        byte[] r = new byte[16];
        random.nextBytes(r);
        return r;
    }
}
