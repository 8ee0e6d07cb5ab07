package dev.bmcagent.ipmi.command.chassis;

import java.util.Arrays;

/**
 * Boot flags, boot option parameter 5 (IPMI 2.0 §28.13 table 28-14): 5 bytes. Byte 1 bit 7 valid, bit 6
 * persistent, bit 5 EFI; byte 2 bits 5:2 boot device selector.
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record BootFlags(byte[] bytes) {
    public static final int DEVICE_NONE = 0x0;
    public static final int DEVICE_PXE = 0x1;
    public static final int DEVICE_DISK = 0x2;
    public static final int DEVICE_SAFE_MODE = 0x3;
    public static final int DEVICE_DIAGNOSTIC = 0x4;
    public static final int DEVICE_CDROM = 0x5;
    public static final int DEVICE_BIOS_SETUP = 0x6;
    public static final int DEVICE_FLOPPY = 0xF;

    public static final BootFlags NONE = new BootFlags(new byte[5]);

    public BootFlags {
        if (bytes.length != 5) {
            throw new IllegalArgumentException("boot flags are 5 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean valid() {
        return (bytes[0] & 0x80) != 0;
    }

    public boolean persistent() {
        return (bytes[0] & 0x40) != 0;
    }

    public boolean efi() {
        return (bytes[0] & 0x20) != 0;
    }

    /** Boot device selector (byte 2 bits 5:2), e.g. {@link #DEVICE_PXE}. */
    public int device() {
        return (bytes[1] >> 2) & 0x0F;
    }

    /** The same flags with the valid bit cleared (what the BMC does after a one-time boot is consumed). */
    public BootFlags invalidated() {
        byte[] b = bytes.clone();
        b[0] &= 0x7F;
        return new BootFlags(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BootFlags f && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BootFlags[valid=" + valid() + " persistent=" + persistent() + " efi=" + efi() + " device=" + device()
                + "]";
    }
}
