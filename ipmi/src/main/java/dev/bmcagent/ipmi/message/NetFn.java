package dev.bmcagent.ipmi.message;

/** Network function codes (IPMI 2.0 §5.1, table 5-1). Requests use the even value; responses add 1. */
public final class NetFn {
    public static final int CHASSIS = 0x00;
    public static final int SENSOR_EVENT = 0x04;
    public static final int APP = 0x06;
    public static final int FIRMWARE = 0x08;
    public static final int STORAGE = 0x0A;
    public static final int TRANSPORT = 0x0C;
    /** Group extension: first data byte is the defining body (00h PICMG, AEh Arm SBMR, ...). */
    public static final int GROUP_EXTENSION = 0x2C;
    /** OEM/group with IANA enterprise number in the first three data bytes. */
    public static final int OEM_GROUP = 0x2E;
    /** Controller-specific OEM range used by this project's documented OEM commands. */
    public static final int OEM = 0x30;

    private NetFn() {}

    public static int response(int requestNetFn) {
        return requestNetFn | 1;
    }
}
