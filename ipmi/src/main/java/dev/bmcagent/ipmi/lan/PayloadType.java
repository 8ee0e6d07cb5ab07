package dev.bmcagent.ipmi.lan;

/** RMCP+ payload types (IPMI 2.0 §13.27.3, table 13-16), bits 5:0 of the payload type byte. */
public final class PayloadType {
    public static final int IPMI = 0x00;
    public static final int SOL = 0x01;
    public static final int OEM_EXPLICIT = 0x02;
    public static final int OPEN_SESSION_REQUEST = 0x10;
    public static final int OPEN_SESSION_RESPONSE = 0x11;
    public static final int RAKP_1 = 0x12;
    public static final int RAKP_2 = 0x13;
    public static final int RAKP_3 = 0x14;
    public static final int RAKP_4 = 0x15;

    private PayloadType() {}
}
