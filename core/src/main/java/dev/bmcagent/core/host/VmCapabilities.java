package dev.bmcagent.core.host;

import java.util.Locale;

/**
 * The capability byte a host sends after connecting ({@code 08 <caps> A1}). Bits from QEMU
 * {@code hw/ipmi/ipmi_extern.h}/OpenIPMI {@code serial_ipmi.c}: VM_CAPABILITIES_POWER 01h,
 * RESET 02h, IRQ 04h, NMI 08h, ATTN 10h, GRACEFUL_SHUTDOWN 20h. Bit 80h is this project's
 * power-on extension; QEMU never sets it (Debian's QEMU 7.2 sends 3Fh).
 *
 * @param bits the raw capability byte
 */
public record VmCapabilities(int bits) {
    public static final int POWER = 0x01;
    public static final int RESET = 0x02;
    public static final int IRQ = 0x04;
    public static final int NMI = 0x08;
    public static final int ATTN = 0x10;
    public static final int GRACEFUL_SHUTDOWN = 0x20;
    /** Extension: the peer accepts {@code VmCodes.OP_POWER_ON} (module hostif). */
    public static final int POWER_ON_EXTENSION = 0x80;

    /** No capability advertised (a peer that never sent {@code 08 xx A1}). */
    public static final VmCapabilities NONE = new VmCapabilities(0);
    /** What QEMU 7.2 with a KCS interface advertises. */
    public static final VmCapabilities QEMU = new VmCapabilities(0x3F);

    public VmCapabilities {
        if (bits < 0 || bits > 0xFF) {
            throw new IllegalArgumentException("capability byte out of range: " + bits);
        }
    }

    public boolean has(int bit) {
        return (bits & bit) == bit;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VmCapabilities[%02Xh]", bits);
    }
}
