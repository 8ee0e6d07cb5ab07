package dev.bmcagent.ipmi.fru;

import java.time.Instant;
import java.util.Objects;

/**
 * What the FRU describes (IPMI Platform Management FRU Information Storage Definition v1.0): chassis,
 * board and product info. Strings are 8-bit ASCII, at most 63 bytes each; empty strings are allowed.
 */
public record FruInventory(
        int chassisType,
        String chassisPartNumber,
        String chassisSerial,
        Instant boardManufactured,
        String boardManufacturer,
        String boardProduct,
        String boardSerial,
        String boardPartNumber,
        String productManufacturer,
        String productName,
        String productPartNumber,
        String productVersion,
        String productSerial,
        String assetTag) {
    /** SMBIOS chassis type 17h: rack mount chassis. */
    public static final int CHASSIS_RACK_MOUNT = 0x17;

    public FruInventory {
        Objects.requireNonNull(boardManufactured, "boardManufactured");
        if (chassisType < 0 || chassisType > 0xFF) {
            throw new IllegalArgumentException("chassis type out of range");
        }
        for (String s : new String[] {
            chassisPartNumber,
            chassisSerial,
            boardManufacturer,
            boardProduct,
            boardSerial,
            boardPartNumber,
            productManufacturer,
            productName,
            productPartNumber,
            productVersion,
            productSerial,
            assetTag
        }) {
            Objects.requireNonNull(s, "FRU string");
        }
    }
}
