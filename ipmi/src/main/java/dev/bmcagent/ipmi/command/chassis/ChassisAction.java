package dev.bmcagent.ipmi.command.chassis;

import java.util.Optional;

/** Chassis Control actions (IPMI 2.0 §28.3, request byte 1 bits 3:0). */
public enum ChassisAction {
    POWER_DOWN(0x00),
    POWER_UP(0x01),
    POWER_CYCLE(0x02),
    HARD_RESET(0x03),
    /** Pulse diagnostic interrupt: NMI to the host. */
    DIAGNOSTIC_INTERRUPT(0x04),
    /** Initiate a soft shutdown via ACPI over-temperature emulation. */
    SOFT_SHUTDOWN(0x05);

    private final int code;

    ChassisAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ChassisAction> fromCode(int code) {
        for (ChassisAction a : values()) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
