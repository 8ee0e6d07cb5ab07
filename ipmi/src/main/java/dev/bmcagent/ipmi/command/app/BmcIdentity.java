package dev.bmcagent.ipmi.command.app;

import java.util.Objects;
import java.util.UUID;

/**
 * Configured identity reported by Get Device ID (IPMI 2.0 §20.1) and the GUID commands (§20.8, §22.14).
 *
 * @param deviceId       device ID byte
 * @param deviceRevision 0-15
 * @param firmwareMajor  0-127
 * @param firmwareMinor  0-99 (sent as BCD)
 * @param manufacturerId IANA enterprise number, 20 bits
 * @param productId      16 bits
 * @param auxFirmware    auxiliary firmware revision, sent as 4 bytes MS byte first
 * @param deviceGuid     the BMC's GUID
 * @param systemGuid     the managed system's GUID
 */
public record BmcIdentity(
        int deviceId,
        int deviceRevision,
        int firmwareMajor,
        int firmwareMinor,
        int manufacturerId,
        int productId,
        int auxFirmware,
        UUID deviceGuid,
        UUID systemGuid) {
    public BmcIdentity {
        Objects.requireNonNull(deviceGuid, "deviceGuid");
        Objects.requireNonNull(systemGuid, "systemGuid");
        if (deviceId < 0
                || deviceId > 0xFF
                || deviceRevision < 0
                || deviceRevision > 0x0F
                || firmwareMajor < 0
                || firmwareMajor > 0x7F
                || firmwareMinor < 0
                || firmwareMinor > 99
                || manufacturerId < 0
                || manufacturerId > 0xFFFFF
                || productId < 0
                || productId > 0xFFFF) {
            throw new IllegalArgumentException("identity field out of range");
        }
    }

    /** This identity with another manufacturer (IANA enterprise number) and product ID. */
    public BmcIdentity withMaker(int manufacturer, int product) {
        return new BmcIdentity(
                deviceId,
                deviceRevision,
                firmwareMajor,
                firmwareMinor,
                manufacturer,
                product,
                auxFirmware,
                deviceGuid,
                systemGuid);
    }

    /**
     * A GUID in IPMI byte order: the RFC 4122 byte sequence reversed (IPMI 2.0 §20.8 lists node first,
     * time-low last; ipmitool/FreeIPMI decode it that way).
     */
    public static byte[] ipmiGuidBytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (lsb >>> (8 * i)); // RFC byte 15 first
            out[8 + i] = (byte) (msb >>> (8 * i)); // ... RFC byte 0 last
        }
        return out;
    }
}
