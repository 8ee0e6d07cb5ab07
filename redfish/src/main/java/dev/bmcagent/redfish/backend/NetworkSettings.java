package dev.bmcagent.redfish.backend;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured network settings of one BMC interface, as a {@link NetworkConfigBackend} persisted them (not the
 * kernel's live state, which {@code MachineNetwork} reads).
 *
 * @param hostName          the BMC's host name (one label), when the backend manages it
 * @param domainName        the DNS domain of the FQDN (and search domain), if any
 * @param staticNameServers name servers configured on this interface (IPv4 or IPv6 literals)
 * @param dhcpv4            DHCPv4 on this interface and what it may set
 * @param dhcpv6            DHCPv6 on this interface
 * @param ipv4Static        static IPv4 addresses; at most one carries the default gateway
 */
public record NetworkSettings(
        Optional<String> hostName,
        Optional<String> domainName,
        List<String> staticNameServers,
        Dhcpv4 dhcpv4,
        boolean dhcpv6,
        List<StaticIpv4> ipv4Static) {
    public NetworkSettings {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(dhcpv4, "dhcpv4");
        staticNameServers = List.copyOf(staticNameServers);
        ipv4Static = List.copyOf(ipv4Static);
    }

    /** DHCPv4 and the DHCP options the interface takes (DNS servers, default gateway, domain name). */
    public record Dhcpv4(boolean enabled, boolean useDnsServers, boolean useGateway, boolean useDomainName) {}

    /** A static IPv4 address with its prefix length and, on one address only, the default gateway. */
    public record StaticIpv4(String address, int prefixLength, Optional<String> gateway) {
        public StaticIpv4 {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(gateway, "gateway");
            if (prefixLength < 1 || prefixLength > 32) {
                throw new IllegalArgumentException("prefix length " + prefixLength);
            }
        }
    }

    public NetworkSettings withHostName(Optional<String> h) {
        return new NetworkSettings(h, domainName, staticNameServers, dhcpv4, dhcpv6, ipv4Static);
    }
}
