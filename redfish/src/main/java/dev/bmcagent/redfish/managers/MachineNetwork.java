package dev.bmcagent.redfish.managers;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The BMC's own network identity as the machine has it, read on each request without any DNS lookup (never block
 * the event loop): host name from the kernel, FQDN from host and NIS/YP domain name when one is set, interfaces from
 * {@link NetworkInterface}, link speed and default gateways from Linux's sysfs and procfs when they are readable.
 */
public final class MachineNetwork {

    /** One interface. */
    public record Interface(
            String id,
            String name,
            String mac,
            boolean up,
            boolean loopback,
            int mtu,
            OptionalInt speedMbps,
            List<Ipv4> ipv4,
            List<Ipv6> ipv6) {
        public Interface {
            Objects.requireNonNull(id, "id");
            ipv4 = List.copyOf(ipv4);
            ipv6 = List.copyOf(ipv6);
        }
    }

    /** An IPv4 address with its mask and the interface's default gateway (if any). */
    public record Ipv4(String address, String subnetMask, Optional<String> gateway) {}

    /**
     * An IPv6 address with its prefix length and, from the kernel's flags in /proc/net/if_inet6 when readable,
     * Redfish AddressOrigin (Static for permanent addresses, LinkLocal for fe80::/10, SLAAC for the kernel's
     * autoconfigured ones) and AddressState (Preferred, Deprecated, Tentative, Failed).
     */
    public record Ipv6(String address, int prefixLength, Optional<String> origin, Optional<String> state) {}

    /** Host name, FQDN, name servers and interfaces at one moment. */
    public record Snapshot(String hostName, String fqdn, List<String> nameServers, List<Interface> interfaces) {
        public Snapshot {
            nameServers = List.copyOf(nameServers);
            interfaces = List.copyOf(interfaces);
        }

        /** This snapshot with {@code host} (when present) as the host name, the kernel's domain (if any) kept. */
        public Snapshot withHostName(Optional<String> host) {
            if (host.isEmpty()) {
                return this;
            }
            int dot = fqdn.indexOf('.');
            return new Snapshot(
                    host.get(), dot < 0 ? host.get() : host.get() + fqdn.substring(dot), nameServers, interfaces);
        }

        public Optional<Interface> find(String id) {
            return interfaces.stream().filter(i -> i.id().equals(id)).findFirst();
        }
    }

    private MachineNetwork() {}

    public static Snapshot read() {
        String host = firstLine(Path.of("/proc/sys/kernel/hostname"))
                .filter(s -> !s.isEmpty())
                .orElse(Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost"));
        String domain = firstLine(Path.of("/proc/sys/kernel/domainname"))
                .filter(d -> !d.isEmpty() && !d.equals("(none)"))
                .orElse("");
        String fqdn = host.contains(".") || domain.isEmpty() ? host : host + "." + domain;
        return new Snapshot(host, fqdn, nameServers(), interfaces());
    }

    private static List<Interface> interfaces() {
        List<Interface> out = new ArrayList<>();
        try {
            List<NetworkInterface> all = NetworkInterface.networkInterfaces()
                    .sorted(Comparator.comparingInt(NetworkInterface::getIndex))
                    .toList();
            for (NetworkInterface n : all) {
                out.add(describe(n));
            }
        } catch (SocketException e) {
            return List.of();
        }
        return out;
    }

    private static Interface describe(NetworkInterface n) throws SocketException {
        byte[] hw = n.getHardwareAddress();
        String mac = hw == null || hw.length != 6
                ? "00:00:00:00:00:00"
                : HexFormat.ofDelimiter(":").withUpperCase().formatHex(hw);
        Optional<String> gateway = defaultGateway(n.getName());
        List<Ipv4> v4 = new ArrayList<>();
        List<Ipv6> v6 = new ArrayList<>();
        for (InterfaceAddress a : n.getInterfaceAddresses()) {
            if (a.getAddress() instanceof Inet4Address ip) {
                v4.add(new Ipv4(ip.getHostAddress(), mask(a.getNetworkPrefixLength()), gateway));
            } else if (a.getAddress() instanceof Inet6Address ip) {
                String text = io.netty.util.NetUtil.toAddressString(ip); // RFC 5952: "::1", not "0:0:...:1"
                int zone = text.indexOf('%');
                String flags = inet6Flags(n.getName(), ip.getAddress());
                v6.add(new Ipv6(
                        zone < 0 ? text : text.substring(0, zone),
                        a.getNetworkPrefixLength(),
                        ipv6Origin(ip, flags),
                        ipv6State(flags)));
            }
        }
        OptionalInt speed = firstLine(Path.of("/sys/class/net", n.getName(), "speed"))
                .filter(s -> s.matches("[0-9]{1,7}"))
                .map(s -> OptionalInt.of(Integer.parseInt(s)))
                .orElse(OptionalInt.empty());
        return new Interface(
                n.getName().replaceAll("[^A-Za-z0-9_-]", "_"),
                n.getName(),
                mac,
                n.isUp(),
                n.isLoopback(),
                n.getMTU(),
                speed,
                v4,
                v6);
    }

    /** The flags byte (hex) of an address in /proc/net/if_inet6, or null when it is not readable. */
    private static String inet6Flags(String name, byte[] address) {
        String hex = HexFormat.of().formatHex(address);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/if_inet6"))) {
                String[] f = line.trim().split("\\s+", -1);
                if (f.length >= 6 && f[0].equalsIgnoreCase(hex) && f[5].equals(name)) {
                    return f[4];
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    static Optional<String> ipv6Origin(Inet6Address ip, String flags) {
        if (ip.isLinkLocalAddress()) {
            return Optional.of("LinkLocal");
        }
        if (flags == null) {
            return Optional.empty();
        }
        return Optional.of((Integer.parseInt(flags, 16) & IFA_F_PERMANENT) != 0 ? "Static" : "SLAAC");
    }

    static Optional<String> ipv6State(String flags) {
        if (flags == null) {
            return Optional.empty();
        }
        int f = Integer.parseInt(flags, 16);
        if ((f & IFA_F_DADFAILED) != 0) {
            return Optional.of("Failed");
        }
        if ((f & IFA_F_TENTATIVE) != 0) {
            return Optional.of("Tentative");
        }
        return Optional.of((f & IFA_F_DEPRECATED) != 0 ? "Deprecated" : "Preferred");
    }

    /** linux/if_addr.h address flags. */
    private static final int IFA_F_DADFAILED = 0x08;

    private static final int IFA_F_DEPRECATED = 0x20;
    private static final int IFA_F_TENTATIVE = 0x40;
    private static final int IFA_F_PERMANENT = 0x80;

    /** "255.255.255.0" for 24. */
    static String mask(int prefix) {
        long bits = prefix <= 0 ? 0 : (0xFFFFFFFFL << (32 - Math.min(prefix, 32))) & 0xFFFFFFFFL;
        return String.format(
                Locale.ROOT, "%d.%d.%d.%d", bits >> 24 & 0xFF, bits >> 16 & 0xFF, bits >> 8 & 0xFF, bits & 0xFF);
    }

    /** The gateway of the interface's default route in /proc/net/route (little-endian hex), if any. */
    private static Optional<String> defaultGateway(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/route"))) {
                String[] f = line.trim().split("\\s+", -1);
                if (f.length > 2 && f[0].equals(name) && f[1].equals("00000000") && f[2].matches("[0-9A-Fa-f]{8}")) {
                    long g = Long.parseLong(f[2], 16);
                    return Optional.of(String.format(
                            Locale.ROOT, "%d.%d.%d.%d", g & 0xFF, g >> 8 & 0xFF, g >> 16 & 0xFF, g >> 24 & 0xFF));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> nameServers() {
        try {
            return Files.readAllLines(Path.of("/etc/resolv.conf")).stream()
                    .map(String::trim)
                    .filter(l -> l.startsWith("nameserver "))
                    .map(l -> l.substring(11).trim())
                    .limit(8)
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<String> firstLine(Path p) {
        try {
            List<String> lines = Files.readAllLines(p);
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
