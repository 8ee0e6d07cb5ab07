package dev.bmcagent.simulator.netboot;

import java.util.Locale;
import java.util.Objects;

/**
 * One UEFI boot option (Boot####).
 *
 * @param number      the #### of its Boot#### variable; re-created options get new numbers
 * @param description the description firmware shows and reports, e.g.
 *                    "UEFI: HTTPS IPv4 Intel Network Adapter - 50:00:E6:8F:4F:32 P1"
 * @param kind        what it boots from
 * @param ipv6        for network options: IPv6 rather than IPv4
 * @param interfaceIndex for network options: the port index; -1 for a disk
 */
public record BootOption(int number, String description, Kind kind, boolean ipv6, int interfaceIndex) {

    /** What a boot option boots from, in the vendor's default priority order within one address family. */
    public enum Kind {
        HTTP,
        PXE,
        DISK
    }

    public BootOption {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        if (number < 0 || number > 0xFFFF) {
            throw new IllegalArgumentException("Boot#### number out of range: " + number);
        }
        if (kind != Kind.DISK && interfaceIndex < 0) {
            throw new IllegalArgumentException("network option without interface: " + description);
        }
    }

    /** A network option for {@code port}, named as vendors name them. */
    public static BootOption network(int number, NetworkPort port, Kind kind, boolean ipv6) {
        if (kind == Kind.DISK) {
            throw new IllegalArgumentException("not a network kind: " + kind);
        }
        String description = String.format(Locale.ROOT, "UEFI: %s %s %s - %s P%d", kind == Kind.HTTP ? "HTTPS" : "PXE",
                ipv6 ? "IPv6" : "IPv4", port.adapterName(), port.mac(), port.portNumber());
        return new BootOption(number, description, kind, ipv6, port.index());
    }

    /** A local disk option. */
    public static BootOption disk(int number, String model) {
        return new BootOption(number, "UEFI OS (" + model + ")", Kind.DISK, false, -1);
    }

    public boolean isNetwork() {
        return kind != Kind.DISK;
    }

    /** Boot error event data 3: bit 1 = HTTP(S), bit 0 = IPv6. */
    public int protocolCode() {
        return (kind == Kind.HTTP ? 0x02 : 0x00) | (ipv6 ? 0x01 : 0x00);
    }

    /** Vendor default priority: Httpv4, Httpv6, Pxev4, Pxev6, then disks. */
    public int vendorPriority() {
        return switch (kind) {
            case HTTP -> ipv6 ? 1 : 0;
            case PXE -> ipv6 ? 3 : 2;
            default -> 4;
        };
    }
}
