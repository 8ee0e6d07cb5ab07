package dev.bmcagent.ipmi.lan;

/**
 * ASF Presence Ping and Pong (IPMI 2.0 §13.2.3, ASF 2.0 §3.2.4.3). A ping is answered with a pong
 * advertising IPMI support (supported entities 81h) and no supported interactions (00h).
 */
public final class AsfPresence {
    /** IANA enterprise number of the ASF (4542 = 0x000011BE), big-endian on the wire. */
    public static final int ASF_IANA = 4542;

    public static final int TYPE_PING = 0x80;
    public static final int TYPE_PONG = 0x40;
    /** Bit 7: IPMI supported; bits 3:0: ASF version 1.0. */
    public static final int SUPPORTED_ENTITIES = 0x81;

    public static final int SUPPORTED_INTERACTIONS = 0x00;

    /** A decoded ping: only its message tag matters (echoed in the pong). */
    public record Ping(int rmcpSequence, int messageTag) {}

    private AsfPresence() {}

    /** Decodes an ASF-class datagram (RMCP header included) as a Presence Ping. */
    public static Decoded<Ping> decodePing(byte[] datagram) {
        try {
            WireReader r = WireReader.of(datagram);
            r.skip(2, "RMCP version/reserved");
            int seq = r.u8("RMCP sequence");
            if ((r.u8("RMCP class") & 0x7F) != RmcpHeader.CLASS_ASF) {
                return Decoded.malformed("not ASF class");
            }
            int iana = r.u8("IANA") << 24 | r.u8("IANA") << 16 | r.u8("IANA") << 8 | r.u8("IANA");
            if (iana != ASF_IANA) {
                return Decoded.malformed("ASF IANA");
            }
            if (r.u8("ASF message type") != TYPE_PING) {
                return Decoded.malformed("ASF message type");
            }
            int tag = r.u8("ASF message tag");
            r.skip(1, "ASF reserved");
            r.u8("ASF data length");
            return Decoded.ok(new Ping(seq, tag));
        } catch (WireReader.Truncated e) {
            return Decoded.malformed(e.getMessage());
        }
    }

    /** Encodes the Presence Pong for {@code ping}: 4-byte RMCP header + 8-byte ASF header + 16 data bytes. */
    public static byte[] encodePong(Ping ping) {
        WireWriter w = new WireWriter();
        new RmcpHeader(ping.rmcpSequence(), RmcpHeader.CLASS_ASF, false).encode(w);
        w.u8(0).u8(0).u8(ASF_IANA >>> 8).u8(ASF_IANA); // IANA enterprise number, MSB first
        w.u8(TYPE_PONG).u8(ping.messageTag()).u8(0).u8(0x10); // type, tag, reserved, data length 16
        w.u8(0).u8(0).u8(ASF_IANA >>> 8).u8(ASF_IANA); // data: IANA again
        w.zeros(4); // OEM-defined: none
        w.u8(SUPPORTED_ENTITIES).u8(SUPPORTED_INTERACTIONS);
        w.zeros(6); // reserved
        return w.toByteArray();
    }
}
