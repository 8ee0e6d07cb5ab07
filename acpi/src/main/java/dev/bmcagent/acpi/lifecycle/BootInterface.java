package dev.bmcagent.acpi.lifecycle;

import java.util.Locale;
import java.util.Optional;

/**
 * The network interface and protocol of a failed network-boot attempt, as the host encodes them in a Boot Error
 * (sensor type 1Eh) platform event (docs/HOST-INTERFACE.md "Boot error event data"): event data 1 bits 7:6 = 10b
 * (OEM code in ED2), ED2 = 0-based interface index across the host's NICs (FFh: unknown), ED3 = protocol flags,
 * bit 0 IPv6 (clear: IPv4), bit 1 HTTP(S) (clear: PXE), bit 2 iPXE (chainloaded; takes precedence over bit 1).
 *
 * @param index     interface index (0..254)
 * @param ipVersion IPv4 or IPv6
 * @param protocol  PXE, HTTP (firmware HTTP(S) boot) or IPXE
 */
public record BootInterface(int index, IpVersion ipVersion, Protocol protocol) {
    public static final int ED3_IPV6 = 0x01;
    public static final int ED3_HTTP = 0x02;
    public static final int ED3_IPXE = 0x04;

    public enum IpVersion {
        IPv4,
        IPv6
    }

    /** PXE (TFTP), firmware HTTP(S) boot, iPXE chainloading. */
    public enum Protocol {
        PXE("PXE"),
        HTTP("HTTP(S)"),
        IPXE("iPXE");

        private final String display;

        Protocol(String display) {
            this.display = display;
        }

        public String display() {
            return display;
        }
    }

    public BootInterface {
        if (index < 0 || index > 0xFE) {
            throw new IllegalArgumentException("interface index out of range: " + index);
        }
        java.util.Objects.requireNonNull(ipVersion, "ipVersion");
        java.util.Objects.requireNonNull(protocol, "protocol");
    }

    /** From the host's event data bytes; empty without the OEM encoding (ED1 bits 7:6 != 10b) or with ED2 = FFh. */
    public static Optional<BootInterface> decode(int data1, int data2, int data3) {
        if ((data1 & 0xC0) != 0x80 || data2 == 0xFF || data2 < 0 || data2 > 0xFF) {
            return Optional.empty();
        }
        int flags = data3 == 0xFF ? 0 : data3;
        Protocol p = (flags & ED3_IPXE) != 0 ? Protocol.IPXE : (flags & ED3_HTTP) != 0 ? Protocol.HTTP : Protocol.PXE;
        return Optional.of(new BootInterface(data2, (flags & ED3_IPV6) != 0 ? IpVersion.IPv6 : IpVersion.IPv4, p));
    }

    /** Event data 3 for this interface (the inverse of {@link #decode}). */
    public int eventData3() {
        return (ipVersion == IpVersion.IPv6 ? ED3_IPV6 : 0)
                | switch (protocol) {
                    case PXE -> 0;
                    case HTTP -> ED3_HTTP;
                    case IPXE -> ED3_IPXE;
                };
    }

    /** "NIC1 HTTP(S) IPv6". */
    public String describe() {
        return String.format(Locale.ROOT, "NIC%d %s %s", index, protocol.display(), ipVersion);
    }

    /**
     * The failure in words: IPMI names offset 02h "PXE server not found" whatever the protocol; for HTTP(S) and iPXE
     * attempts the boot server of that protocol was not found.
     */
    public static String failure(LifecycleInput.BootErrorKind kind, Optional<BootInterface> iface) {
        if (kind == LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND) {
            return iface.map(i -> i.protocol() == Protocol.PXE
                            ? "PXE server not found"
                            : i.protocol().display() + " boot server not found")
                    .orElse("network boot server not found");
        }
        return kind.name();
    }
}
