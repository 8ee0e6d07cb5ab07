package dev.bmcagent.agent.redfishport;

import dev.bmcagent.ipmi.command.chassis.BootFlags;
import dev.bmcagent.redfish.backend.BootOverride;
import dev.bmcagent.redfish.backend.BootOverrideEnabled;
import dev.bmcagent.redfish.backend.BootOverrideMode;
import dev.bmcagent.redfish.backend.BootSource;
import java.util.Optional;
import java.util.Set;

/**
 * Pure translation between IPMI boot flags (boot option parameter 5, IPMI 2.0 §28.13 table 28-14) and the Redfish
 * boot source override, so that {@code ipmitool chassis bootdev} and a Redfish PATCH write the same store.
 *
 * <p>Byte 1: bit 7 valid (Redfish Enabled != Disabled), bit 6 persistent (Continuous), bit 5 EFI (mode UEFI).
 * Byte 2 bits 5:2 device: None 0h, Pxe 1h, Hdd 2h, Cd 5h, BiosSetup 6h, Usb Fh ("primary removable media").
 * Read back, remote CD (9h) shows as Cd and remote disk (Bh) as Hdd; safe mode, diagnostic and remote floppy show
 * as None (Redfish has no such target).
 *
 * <p><b>UefiHttp</b>: IPMI has no HTTP boot device. It is written as PXE + EFI (what a host that knows nothing
 * else should do: network boot) and the agent remembers, in its settings store, the exact flags it wrote for
 * UefiHttp ({@link #UEFI_HTTP_MARK}). While parameter 5 still holds those flags (valid bit aside), Redfish reads
 * UefiHttp; once anything else writes parameter 5 (e.g. {@code chassis bootdev pxe} without EFI) it reads Pxe.
 */
final class BootOverrideCodec {
    /** The BootSourceOverrideTarget values that can be written (UefiShell, UefiTarget, UefiBootNext cannot). */
    public static final Set<BootSource> SUPPORTED = Set.of(
            BootSource.None,
            BootSource.Pxe,
            BootSource.Hdd,
            BootSource.Cd,
            BootSource.Usb,
            BootSource.BiosSetup,
            BootSource.UefiHttp);
    /** Documentation anchor: the settings key part that marks flags written for UefiHttp. */
    public static final String UEFI_HTTP_MARK = "uefiHttpFlags";

    private static final int VALID = 0x80;
    private static final int PERSISTENT = 0x40;
    private static final int EFI = 0x20;
    private static final int DEVICE_REMOTE_CD = 0x9;
    private static final int DEVICE_REMOTE_DISK = 0xB;

    private BootOverrideCodec() {}

    /** The flags for an override; throws for a target outside {@link #SUPPORTED}. */
    public static BootFlags encode(BootSource target, BootOverrideEnabled enabled, BootOverrideMode mode) {
        int device = switch (target) {
            case None -> BootFlags.DEVICE_NONE;
            case Pxe, UefiHttp -> BootFlags.DEVICE_PXE;
            case Hdd -> BootFlags.DEVICE_DISK;
            case Cd -> BootFlags.DEVICE_CDROM;
            case Usb -> BootFlags.DEVICE_FLOPPY;
            case BiosSetup -> BootFlags.DEVICE_BIOS_SETUP;
            case UefiShell, UefiTarget, UefiBootNext ->
                throw new IllegalArgumentException("no IPMI boot device for " + target);
        };
        boolean efi = mode == BootOverrideMode.UEFI || target == BootSource.UefiHttp;
        int b1 = (enabled == BootOverrideEnabled.Disabled ? 0 : VALID)
                | (enabled == BootOverrideEnabled.Continuous ? PERSISTENT : 0)
                | (efi ? EFI : 0);
        return new BootFlags(new byte[] {(byte) b1, (byte) (device << 2), 0, 0, 0});
    }

    /**
     * The Redfish view of {@code flags}.
     *
     * @param uefiHttpFlags the flags last written for UefiHttp, if any
     * @param httpBootUri   HttpBootUri as last set
     */
    public static BootOverride decode(
            BootFlags flags, Optional<BootFlags> uefiHttpFlags, Optional<String> httpBootUri) {
        BootOverrideEnabled enabled = !flags.valid()
                ? BootOverrideEnabled.Disabled
                : flags.persistent() ? BootOverrideEnabled.Continuous : BootOverrideEnabled.Once;
        BootOverrideMode mode = flags.efi() ? BootOverrideMode.UEFI : BootOverrideMode.Legacy;
        BootSource target = switch (flags.device()) {
            case BootFlags.DEVICE_PXE ->
                uefiHttpFlags.filter(u -> sameIgnoringValid(u, flags)).isPresent()
                        ? BootSource.UefiHttp
                        : BootSource.Pxe;
            case BootFlags.DEVICE_DISK, DEVICE_REMOTE_DISK -> BootSource.Hdd;
            case BootFlags.DEVICE_CDROM, DEVICE_REMOTE_CD -> BootSource.Cd;
            case BootFlags.DEVICE_BIOS_SETUP -> BootSource.BiosSetup;
            case BootFlags.DEVICE_FLOPPY -> BootSource.Usb;
            default -> BootSource.None;
        };
        return new BootOverride(
                target,
                enabled,
                mode,
                Optional.empty(),
                target == BootSource.UefiHttp ? httpBootUri : Optional.empty());
    }

    static boolean sameIgnoringValid(BootFlags a, BootFlags b) {
        return a.invalidated().equals(b.invalidated());
    }
}
