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
        /** iPXE chainloaded from the option ROM (its own network stack and timings: {@link NetbootProfile#IPXE}). */
        IPXE,
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
        String name = switch (kind) {
            case HTTP -> "HTTPS";
            case IPXE -> "iPXE";
            default -> "PXE";
        };
        String description = String.format(
                Locale.ROOT,
                "UEFI: %s %s %s - %s P%d",
                name,
                ipv6 ? "IPv6" : "IPv4",
                port.adapterName(),
                port.mac(),
                port.portNumber());
        return new BootOption(number, description, kind, ipv6, port.index());
    }

    /** A local disk option. */
    public static BootOption disk(int number, String model) {
        return new BootOption(number, "UEFI OS (" + model + ")", Kind.DISK, false, -1);
    }

    public boolean isNetwork() {
        return kind != Kind.DISK;
    }

    /** Boot error event data 3 (docs/HOST-INTERFACE.md): bit 2 = iPXE, bit 1 = HTTP(S), bit 0 = IPv6. */
    public int protocolCode() {
        int protocol = switch (kind) {
            case HTTP -> 0x02;
            case IPXE -> 0x04;
            default -> 0x00;
        };
        return protocol | (ipv6 ? 0x01 : 0x00);
    }

    /**
     * Vendor default priority: Httpv4, iPXEv4, Httpv6, iPXEv6, Pxev4, Pxev6, then disks (a list without iPXE keeps
     * the firmware's Httpv4, Httpv6, Pxev4, Pxev6).
     */
    public int vendorPriority() {
        return switch (kind) {
            case HTTP -> ipv6 ? 2 : 0;
            case IPXE -> ipv6 ? 3 : 1;
            case PXE -> ipv6 ? 5 : 4;
            default -> 6;
        };
    }
}
