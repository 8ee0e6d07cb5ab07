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
 */
public record ChassisStatus(boolean powerOn, RestorePolicy restorePolicy, boolean powerFault,
                            boolean powerControlFault, boolean lastPowerOnByCommand, boolean coolingFault) {
    /** Power restore policy, byte 1 bits 6:5. */
    public enum RestorePolicy {
        ALWAYS_OFF, PREVIOUS, ALWAYS_ON, UNKNOWN
    }

    public ChassisStatus {
        Objects.requireNonNull(restorePolicy, "restorePolicy");
    }

    /** The three mandatory response bytes. */
    byte[] encode() {
        int current = (powerOn ? 0x01 : 0) | (powerFault ? 0x08 : 0) | (powerControlFault ? 0x10 : 0)
                | restorePolicy.ordinal() << 5;
        int lastEvent = lastPowerOnByCommand ? 0x10 : 0;
        int misc = coolingFault ? 0x08 : 0;
        return new byte[] {(byte) current, (byte) lastEvent, (byte) misc};
    }
}
