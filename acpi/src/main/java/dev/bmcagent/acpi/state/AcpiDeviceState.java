package dev.bmcagent.acpi.state;

import java.util.Optional;

/** ACPI device power states D0-D3 as carried in Set/Get ACPI Power State byte 2 (IPMI 2.0 §20.6). */
public enum AcpiDeviceState {
    D0(0x00, "D0"),
    D1(0x01, "D1"),
    D2(0x02, "D2"),
    D3(0x03, "D3"),
    UNKNOWN(0x2A, "Unknown");

    /** Command code meaning "do not change the device state". */
    public static final int NO_CHANGE = 0x7F;

    private final int commandCode;
    private final String dbusName;

    AcpiDeviceState(int commandCode, String dbusName) {
        this.commandCode = commandCode;
        this.dbusName = dbusName;
    }

    public int commandCode() {
        return commandCode;
    }

    public String dbusName() {
        return dbusName;
    }

    public static Optional<AcpiDeviceState> fromCommandCode(int code) {
        for (AcpiDeviceState d : values()) {
            if (d.commandCode == code) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
