package dev.bmcagent.ipmi.command.chassis;

import java.util.Objects;

/**
 * What Get Chassis Status reports (IPMI 2.0 §28.2).
 *
 * @param powerOn               system power is on (power-good)
 * @param restorePolicy         power restore policy
 * @param powerFault            main power subsystem fault
 * @param powerControlFault     the last power control request failed
 * @param lastPowerOnByCommand  the last power-on came from an IPMI command
 * @param coolingFault          cooling/fan fault detected
 * @param identify              chassis identify state (byte 3 bits 5:4, with bit 6 "supported"), or null when
 *                              this BMC does not report it
 */
public record ChassisStatus(
        boolean powerOn,
        RestorePolicy restorePolicy,
        boolean powerFault,
        boolean powerControlFault,
        boolean lastPowerOnByCommand,
        boolean coolingFault,
        IdentifyState identify) {
    /** Chassis identify state, byte 3 bits 5:4 (§28.2): off, temporary (timed) on, indefinite on. */
    public enum IdentifyState {
        OFF,
        TEMPORARY_ON,
        INDEFINITE_ON
    }

    /** Without the identify state (byte 3 bit 6 clear). */
    public ChassisStatus(
            boolean powerOn,
            RestorePolicy restorePolicy,
            boolean powerFault,
            boolean powerControlFault,
            boolean lastPowerOnByCommand,
            boolean coolingFault) {
        this(powerOn, restorePolicy, powerFault, powerControlFault, lastPowerOnByCommand, coolingFault, null);
    }

    /** Power restore policy, byte 1 bits 6:5. */
    public enum RestorePolicy {
        ALWAYS_OFF,
        PREVIOUS,
        ALWAYS_ON,
        UNKNOWN
    }

    public ChassisStatus {
        Objects.requireNonNull(restorePolicy, "restorePolicy");
    }

    /** The three mandatory response bytes. */
    byte[] encode() {
        int current = (powerOn ? 0x01 : 0)
                | (powerFault ? 0x08 : 0)
                | (powerControlFault ? 0x10 : 0)
                | bits(restorePolicy) << 5;
        int lastEvent = lastPowerOnByCommand ? 0x10 : 0;
        int misc = (coolingFault ? 0x08 : 0) | (identify == null ? 0 : 0x40 | bits(identify) << 4);
        return new byte[] {(byte) current, (byte) lastEvent, (byte) misc};
    }

    private static int bits(RestorePolicy p) {
        return switch (p) {
            case ALWAYS_OFF -> 0b00;
            case PREVIOUS -> 0b01;
            case ALWAYS_ON -> 0b10;
            case UNKNOWN -> 0b11;
        };
    }

    private static int bits(IdentifyState s) {
        return switch (s) {
            case OFF -> 0b00;
            case TEMPORARY_ON -> 0b01;
            case INDEFINITE_ON -> 0b10;
        };
    }
}
