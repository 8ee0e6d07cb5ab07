package dev.bmcagent.ipmi.session;

/** RMCP+ and RAKP message status codes (IPMI 2.0 §13.24, table 13-15). */
public final class RakpStatus {
    public static final int OK = 0x00;
    public static final int INSUFFICIENT_RESOURCES = 0x01;
    public static final int INVALID_SESSION_ID = 0x02;
    public static final int INVALID_AUTH_ALGORITHM = 0x04;
    public static final int INVALID_INTEGRITY_ALGORITHM = 0x05;
    public static final int INACTIVE_SESSION_ID = 0x08;
    public static final int INVALID_ROLE = 0x09;
    public static final int INVALID_NAME_LENGTH = 0x0C;
    public static final int UNAUTHORIZED_NAME = 0x0D;
    public static final int INVALID_INTEGRITY_CHECK_VALUE = 0x0F;
    public static final int INVALID_CONFIDENTIALITY_ALGORITHM = 0x10;
    public static final int NO_CIPHER_SUITE_MATCH = 0x11;
    public static final int ILLEGAL_PARAMETER = 0x12;

    private RakpStatus() {}
}
