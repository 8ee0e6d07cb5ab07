package dev.bmcagent.core.firmware;

import dev.bmcagent.ipmi.command.sysinfo.SystemInfoCommands;
import java.util.Locale;
import java.util.Optional;

/**
 * System Info parameter ↔ component name: 01h "BIOS" (the system firmware version), C0h+n "NIC<n>" (option ROM of
 * NIC n, this BMC's OEM parameters), 02h "SystemName", 03h "PrimaryOSName", 04h "OSName", and the OEM inventory
 * strings D0h "BIOSVendor", C8h+n "NIC<n>Vendor" (their manufacturers) and D8h+n "CPU<n>" (the processor in socket
 * n). The first two kinds are firmware: their changes are events and they are listed in the FirmwareInventory.
 */
final class SystemInfoComponents {

    private SystemInfoComponents() {}

    public static String name(int parameter) {
        return switch (parameter) {
            case SystemInfoCommands.SYSTEM_FIRMWARE_VERSION -> "BIOS";
            case SystemInfoCommands.SYSTEM_NAME -> "SystemName";
            case SystemInfoCommands.PRIMARY_OS_NAME -> "PrimaryOSName";
            case SystemInfoCommands.OS_NAME -> "OSName";
            case SystemInfoCommands.SYSTEM_FIRMWARE_VENDOR -> "BIOSVendor";
            default -> {
                if (isNic(parameter)) {
                    yield "NIC" + (parameter - SystemInfoCommands.NIC_OPTION_ROM_BASE);
                }
                if (parameter >= SystemInfoCommands.NIC_VENDOR_BASE
                        && parameter < SystemInfoCommands.NIC_VENDOR_BASE + SystemInfoCommands.MAX_NICS) {
                    yield "NIC" + (parameter - SystemInfoCommands.NIC_VENDOR_BASE) + "Vendor";
                }
                if (isProcessor(parameter)) {
                    yield "CPU" + (parameter - SystemInfoCommands.PROCESSOR_BASE);
                }
                throw new IllegalArgumentException(String.format(Locale.ROOT, "parameter %02Xh", parameter));
            }
        };
    }

    public static Optional<Integer> parameter(String name) {
        for (int p = 0; p <= 0xFF; p++) {
            if (SystemInfoCommands.isString(p) && name(p).equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static boolean isFirmware(int parameter) {
        return parameter == SystemInfoCommands.SYSTEM_FIRMWARE_VERSION || isNic(parameter);
    }

    static boolean isProcessor(int parameter) {
        return parameter >= SystemInfoCommands.PROCESSOR_BASE
                && parameter < SystemInfoCommands.PROCESSOR_BASE + SystemInfoCommands.MAX_SOCKETS;
    }

    /** The parameter carrying the manufacturer of a firmware component ("BIOS" D0h, "NIC<n>" C8h+n). */
    static Optional<Integer> vendorParameter(int firmwareParameter) {
        if (firmwareParameter == SystemInfoCommands.SYSTEM_FIRMWARE_VERSION) {
            return Optional.of(SystemInfoCommands.SYSTEM_FIRMWARE_VENDOR);
        }
        return isNic(firmwareParameter)
                ? Optional.of(
                        firmwareParameter - SystemInfoCommands.NIC_OPTION_ROM_BASE + SystemInfoCommands.NIC_VENDOR_BASE)
                : Optional.empty();
    }

    static boolean isNic(int parameter) {
        return parameter >= SystemInfoCommands.NIC_OPTION_ROM_BASE
                && parameter < SystemInfoCommands.NIC_OPTION_ROM_BASE + SystemInfoCommands.MAX_NICS;
    }
}
