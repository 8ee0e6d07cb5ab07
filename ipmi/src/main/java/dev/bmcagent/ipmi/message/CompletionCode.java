package dev.bmcagent.ipmi.message;

import java.util.Locale;

/**
 * IPMI completion codes (IPMI 2.0 §5.2, table 5-2). An open value class: command-specific codes
 * (80h-BEh) and OEM codes survive a round trip.
 */
public record CompletionCode(int value) {
    public static final CompletionCode OK = new CompletionCode(0x00);
    public static final CompletionCode NODE_BUSY = new CompletionCode(0xC0);
    public static final CompletionCode INVALID_COMMAND = new CompletionCode(0xC1);
    public static final CompletionCode INVALID_FOR_LUN = new CompletionCode(0xC2);
    public static final CompletionCode TIMEOUT = new CompletionCode(0xC3);
    public static final CompletionCode OUT_OF_SPACE = new CompletionCode(0xC4);
    public static final CompletionCode RESERVATION_CANCELLED = new CompletionCode(0xC5);
    public static final CompletionCode REQUEST_TRUNCATED = new CompletionCode(0xC6);
    public static final CompletionCode INVALID_LENGTH = new CompletionCode(0xC7);
    public static final CompletionCode LENGTH_EXCEEDED = new CompletionCode(0xC8);
    public static final CompletionCode PARAMETER_OUT_OF_RANGE = new CompletionCode(0xC9);
    public static final CompletionCode CANNOT_RETURN_REQUESTED_BYTES = new CompletionCode(0xCA);
    public static final CompletionCode NOT_PRESENT = new CompletionCode(0xCB);
    public static final CompletionCode INVALID_DATA_FIELD = new CompletionCode(0xCC);
    public static final CompletionCode ILLEGAL_FOR_SENSOR_OR_RECORD = new CompletionCode(0xCD);
    public static final CompletionCode CANNOT_PROVIDE_RESPONSE = new CompletionCode(0xCE);
    public static final CompletionCode DUPLICATE_REQUEST = new CompletionCode(0xCF);
    public static final CompletionCode SDR_IN_UPDATE_MODE = new CompletionCode(0xD0);
    public static final CompletionCode FIRMWARE_UPDATE_MODE = new CompletionCode(0xD1);
    public static final CompletionCode INIT_IN_PROGRESS = new CompletionCode(0xD2);
    public static final CompletionCode DESTINATION_UNAVAILABLE = new CompletionCode(0xD3);
    public static final CompletionCode INSUFFICIENT_PRIVILEGE = new CompletionCode(0xD4);
    public static final CompletionCode NOT_SUPPORTED_IN_PRESENT_STATE = new CompletionCode(0xD5);
    public static final CompletionCode PARAMETER_ILLEGAL = new CompletionCode(0xD6);
    public static final CompletionCode UNSPECIFIED = new CompletionCode(0xFF);

    public CompletionCode {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("completion code out of range: " + value);
        }
    }

    public static CompletionCode of(int value) {
        return new CompletionCode(value & 0xFF);
    }

    public boolean isOk() {
        return value == 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%02Xh", value);
    }
}
