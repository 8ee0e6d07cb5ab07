package dev.bmcagent.ipmi.lan;

import java.util.Objects;

/**
 * IPMI v1.5 session wrapper (IPMI 2.0 §13.6, table 13-8): auth type, session sequence number (LE), session
 * ID (LE), 16-byte AuthCode unless auth type is NONE, message length, IPMI message. This server only
 * speaks it for the pre-session exchange (Get Channel Authentication Capabilities), always with NONE.
 *
 * @param authType  authentication type (00h NONE)
 * @param sequence  session sequence number
 * @param sessionId session ID (0 outside a session)
 * @param message   the IPMI LAN message bytes
 */
@SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
public record Ipmi15Packet(int authType, int sequence, int sessionId, byte[] message) {
    public static final int AUTH_NONE = 0x00;
    /** Auth type value announcing an IPMI v2.0/RMCP+ wrapper instead (§13.6). */
    public static final int AUTH_RMCP_PLUS = 0x06;

    public Ipmi15Packet {
        Objects.requireNonNull(message, "message");
        if (message.length > 0xFF) {
            throw new IllegalArgumentException("message longer than 255 bytes");
        }
        message = message.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    /** Decodes a whole datagram (RMCP header first). */
    public static Decoded<Ipmi15Packet> decode(byte[] datagram) {
        try {
            WireReader r = WireReader.of(datagram);
            r.skip(RmcpHeader.LENGTH, "RMCP header");
            int authType = r.u8("auth type");
            if (authType == AUTH_RMCP_PLUS || authType > 0x05) {
                return Decoded.malformed("not a v1.5 auth type");
            }
            int seq = r.u32le("session sequence");
            int sid = r.u32le("session ID");
            if (authType != AUTH_NONE) {
                r.skip(16, "AuthCode");
            }
            int len = r.u8("message length");
            byte[] msg = r.bytes(len, "message");
            return Decoded.ok(new Ipmi15Packet(authType, seq, sid, msg));
        } catch (WireReader.Truncated e) {
            return Decoded.malformed(e.getMessage());
        }
    }

    /** Encodes with auth type NONE (the only one this server sends). */
    public byte[] encode() {
        if (authType != AUTH_NONE) {
            throw new IllegalStateException("only auth type NONE is encoded");
        }
        WireWriter w = new WireWriter();
        RmcpHeader.IPMI.encode(w);
        w.u8(AUTH_NONE).u32le(sequence).u32le(sessionId).u8(message.length).bytes(message);
        return w.toByteArray();
    }
}
