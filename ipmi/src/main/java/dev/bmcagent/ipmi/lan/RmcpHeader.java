package dev.bmcagent.ipmi.lan;

/**
 * RMCP header (IPMI 2.0 §13.1.3, ASF 2.0 §3.2.2.1): version 06h, reserved 00h, sequence number (FFh = no
 * RMCP ACK), message class (bit 7 = ACK; 06h ASF, 07h IPMI).
 *
 * @param sequence     RMCP sequence number
 * @param messageClass class byte without the ACK bit
 * @param ack          whether this is an RMCP ACK
 */
public record RmcpHeader(int sequence, int messageClass, boolean ack) {
    public static final int LENGTH = 4;
    public static final int VERSION_1_0 = 0x06;
    public static final int CLASS_ASF = 0x06;
    public static final int CLASS_IPMI = 0x07;
    /** Sequence number meaning "do not ACK" — what IPMI messages always carry. */
    public static final int NO_ACK_SEQUENCE = 0xFF;

    public static final RmcpHeader IPMI = new RmcpHeader(NO_ACK_SEQUENCE, CLASS_IPMI, false);

    public RmcpHeader {
        if (sequence < 0 || sequence > 0xFF || messageClass < 0 || messageClass > 0x7F) {
            throw new IllegalArgumentException("RMCP field out of range");
        }
    }

    public static Decoded<RmcpHeader> decode(byte[] datagram) {
        if (datagram.length < LENGTH) {
            return Decoded.malformed("RMCP header truncated");
        }
        if ((datagram[0] & 0xFF) != VERSION_1_0) {
            return Decoded.malformed("RMCP version");
        }
        int cls = datagram[3] & 0xFF;
        return Decoded.ok(new RmcpHeader(datagram[2] & 0xFF, cls & 0x7F, (cls & 0x80) != 0));
    }

    public void encode(WireWriter w) {
        w.u8(VERSION_1_0).u8(0).u8(sequence).u8(messageClass | (ack ? 0x80 : 0));
    }
}
