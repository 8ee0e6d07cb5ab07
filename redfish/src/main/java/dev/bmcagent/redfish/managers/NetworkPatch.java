package dev.bmcagent.redfish.managers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.NetworkSettings;
import dev.bmcagent.redfish.backend.NetworkSettings.Dhcpv4;
import dev.bmcagent.redfish.backend.NetworkSettings.StaticIpv4;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishError;
import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A PATCH of a BMC EthernetInterface, validated and merged into the configured settings. Pure: every problem of the
 * body is collected into one 400 answer (nothing is applied when there is any), with the Base message DSP0266 names:
 * wrong JSON type PropertyValueTypeError, malformed address or name PropertyValueFormatError, a well-formed value the
 * network cannot use (loopback, multicast, a gateway outside the subnet...) PropertyValueIncorrect, HostName against
 * FQDN or a second gateway PropertyValueConflict, read-only properties PropertyNotWritable.
 *
 * <p>Writable: {@code HostName}, {@code FQDN} (host name and domain), {@code StaticNameServers},
 * {@code IPv4StaticAddresses}, {@code DHCPv4} ({@code DHCPEnabled}, {@code UseDNSServers}, {@code UseGateway},
 * {@code UseDomainName}) and {@code DHCPv6.OperatingMode} (Enabled, Disabled). {@code NameServers} and
 * {@code IPv4Addresses} are the addresses in use (read-only in the schema's sense: "configuration of static addresses
 * performed by updating IPv4StaticAddresses"). On the loopback interface only {@code HostName} is writable.
 *
 * <p>Arrays follow DSP0266 "PATCH on array properties": the request array is the new array, where {@code {}} keeps
 * the element at that index, {@code null} removes it and an object changes (or adds) it.
 */
public final class NetworkPatch {
    /** Static IPv4 addresses per interface: a management port needs a few; bounds the file and every GET. */
    public static final int MAX_IPV4_STATIC = 16;
    /** Name servers per interface: glibc's resolver uses at most three (MAXNS); more would be ignored silently. */
    public static final int MAX_NAME_SERVERS = 3;
    /** RFC 1035 limit of a domain name in text form. */
    public static final int MAX_FQDN = 253;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Set<String> TOP =
            Set.of("HostName", "FQDN", "StaticNameServers", "IPv4StaticAddresses", "DHCPv4", "DHCPv6");
    private static final Set<String> DHCPV4 = Set.of("DHCPEnabled", "UseDNSServers", "UseGateway", "UseDomainName");

    private NetworkPatch() {}

    /**
     * Checks a PATCH body against what is configured and returns the settings it asks for.
     *
     * @param body     the PATCH body
     * @param base     what is configured now (or, before the first change, the live state taken over)
     * @param current  the current representation (to tell read-only from unknown properties)
     * @param loopback whether the interface is the loopback one
     * @return the settings to apply
     */
    public static NetworkSettings merge(ObjectNode body, NetworkSettings base, JsonNode current, boolean loopback) {
        RedfishError.Collector errors = new RedfishError.Collector();
        Optional<String> host = base.hostName();
        Optional<String> domain = base.domainName();
        List<String> dns = base.staticNameServers();
        Dhcpv4 v4 = base.dhcpv4();
        boolean v6 = base.dhcpv6();
        List<StaticIpv4> addresses = base.ipv4Static();
        String hostFromName = null;
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String name = e.getKey();
            JsonNode v = e.getValue();
            String pointer = "#/" + name;
            if (name.startsWith("@")) {
                continue;
            }
            if (!TOP.contains(name)) {
                errors.add(
                        current.has(name) ? BaseMessage.PropertyNotWritable : BaseMessage.PropertyUnknown,
                        pointer,
                        name);
                continue;
            }
            if (loopback && !name.equals("HostName")) {
                errors.add(BaseMessage.PropertyNotWritable, pointer, name);
                continue;
            }
            switch (name) {
                case "HostName" -> {
                    if (!v.isTextual()) {
                        errors.add(BaseMessage.PropertyValueTypeError, pointer, shown(v), name);
                    } else if (!LABEL.matcher(v.asText()).matches()) {
                        errors.add(BaseMessage.PropertyValueFormatError, pointer, v.asText(), name);
                    } else {
                        hostFromName = v.asText();
                        host = Optional.of(hostFromName);
                    }
                }
                case "FQDN" -> {
                    Optional<String[]> parts = fqdn(v, errors);
                    if (parts.isPresent()) {
                        host = Optional.of(parts.get()[0]);
                        domain = Optional.ofNullable(parts.get()[1]);
                    }
                }
                case "StaticNameServers" -> dns = nameServers(v, dns, errors);
                case "IPv4StaticAddresses" -> addresses = ipv4(v, addresses, errors);
                case "DHCPv4" -> v4 = dhcpv4(v, v4, current, errors);
                case "DHCPv6" -> v6 = dhcpv6(v, v6, current, errors);
                default -> throw new IllegalStateException(name);
            }
        }
        if (hostFromName != null
                && body.has("FQDN")
                && body.get("FQDN").isTextual()
                && !body.get("FQDN").asText().split("\\.", 2)[0].equals(hostFromName)) {
            errors.add(BaseMessage.PropertyValueConflict, "#/FQDN", "FQDN", "HostName");
        }
        errors.throwIfAny();
        return new NetworkSettings(host, domain, dns, v4, v6, addresses);
    }

    private static Optional<String[]> fqdn(JsonNode v, RedfishError.Collector errors) {
        if (!v.isTextual()) {
            errors.add(BaseMessage.PropertyValueTypeError, "#/FQDN", shown(v), "FQDN");
            return Optional.empty();
        }
        String s = v.asText();
        String[] labels = s.split("\\.", -1);
        boolean ok = s.length() <= MAX_FQDN;
        for (String l : labels) {
            ok &= LABEL.matcher(l).matches();
        }
        if (!ok) {
            errors.add(BaseMessage.PropertyValueFormatError, "#/FQDN", s, "FQDN");
            return Optional.empty();
        }
        int dot = s.indexOf('.');
        return Optional.of(new String[] {dot < 0 ? s : s.substring(0, dot), dot < 0 ? null : s.substring(dot + 1)});
    }

    private static List<String> nameServers(JsonNode v, List<String> old, RedfishError.Collector errors) {
        String p = "#/StaticNameServers";
        if (!v.isArray()) {
            errors.add(BaseMessage.PropertyValueTypeError, p, shown(v), "StaticNameServers");
            return old;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String pi = p + "/" + i;
            String display = "StaticNameServers/" + i;
            if (item.isNull()) {
                continue; // DSP0266: null removes the element
            }
            if (!item.isTextual()) {
                errors.add(BaseMessage.PropertyValueTypeError, pi, shown(item), display);
                continue;
            }
            String s = item.asText();
            if (IPV4.matcher(s).matches()) {
                if (!usableIpv4(s)) {
                    errors.add(BaseMessage.PropertyValueIncorrect, pi, display, s);
                    continue;
                }
            } else if (NetUtil.isValidIpV6Address(s) && !s.contains("%")) {
                byte[] b = NetUtil.createByteArrayFromIpAddressString(s);
                if (b == null || isUnspecified(b) || (b[0] & 0xFF) == 0xFF || isLoopback6(b)) {
                    errors.add(BaseMessage.PropertyValueIncorrect, pi, display, s);
                    continue;
                }
                s = NetUtil.bytesToIpAddress(b); // RFC 5952 form, as read back
            } else {
                errors.add(BaseMessage.PropertyValueFormatError, pi, s, display);
                continue;
            }
            if (out.contains(s)) {
                errors.add(BaseMessage.PropertyValueIncorrect, pi, display, s);
                continue;
            }
            out.add(s);
        }
        if (out.size() > MAX_NAME_SERVERS) {
            errors.add(BaseMessage.PropertyValueIncorrect, p, "StaticNameServers", Json.write(v));
        }
        return out;
    }

    private static List<StaticIpv4> ipv4(JsonNode v, List<StaticIpv4> old, RedfishError.Collector errors) {
        String p = "#/IPv4StaticAddresses";
        if (!v.isArray()) {
            errors.add(BaseMessage.PropertyValueTypeError, p, shown(v), "IPv4StaticAddresses");
            return old;
        }
        List<StaticIpv4> out = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String pi = p + "/" + i;
            String display = "IPv4StaticAddresses/" + i;
            StaticIpv4 existing = i < old.size() ? old.get(i) : null;
            if (item.isNull()) {
                continue;
            }
            if (!item.isObject()) {
                errors.add(BaseMessage.PropertyValueTypeError, pi, shown(item), display);
                continue;
            }
            if (item.isEmpty()) {
                if (existing != null) {
                    out.add(existing);
                    pointers.add(pi);
                }
                continue;
            }
            int before = errorsSeen(errors);
            String address = existing == null ? null : existing.address();
            Integer prefix = existing == null ? null : existing.prefixLength();
            Optional<String> gateway = existing == null ? Optional.empty() : existing.gateway();
            for (Map.Entry<String, JsonNode> f : item.properties()) {
                String fp = pi + "/" + f.getKey();
                String fd = display + "/" + f.getKey();
                JsonNode fv = f.getValue();
                switch (f.getKey()) {
                    case "Address" -> {
                        if (!fv.isTextual()) {
                            errors.add(BaseMessage.PropertyValueTypeError, fp, shown(fv), fd);
                        } else if (!IPV4.matcher(fv.asText()).matches()) {
                            errors.add(BaseMessage.PropertyValueFormatError, fp, fv.asText(), fd);
                        } else {
                            address = fv.asText();
                        }
                    }
                    case "SubnetMask" -> {
                        if (!fv.isTextual()) {
                            errors.add(BaseMessage.PropertyValueTypeError, fp, shown(fv), fd);
                        } else {
                            int len = prefixOf(fv.asText());
                            if (len < 0) {
                                errors.add(BaseMessage.PropertyValueFormatError, fp, fv.asText(), fd);
                            } else if (len == 0) {
                                errors.add(BaseMessage.PropertyValueIncorrect, fp, fd, fv.asText());
                            } else {
                                prefix = len;
                            }
                        }
                    }
                    case "Gateway" -> {
                        if (fv.isNull() || (fv.isTextual() && fv.asText().equals("0.0.0.0"))) {
                            gateway = Optional.empty();
                        } else if (!fv.isTextual()) {
                            errors.add(BaseMessage.PropertyValueTypeError, fp, shown(fv), fd);
                        } else if (!IPV4.matcher(fv.asText()).matches()) {
                            errors.add(BaseMessage.PropertyValueFormatError, fp, fv.asText(), fd);
                        } else {
                            gateway = Optional.of(fv.asText());
                        }
                    }
                    case "AddressOrigin" -> errors.add(BaseMessage.PropertyNotWritable, fp, fd);
                    default -> errors.add(BaseMessage.PropertyUnknown, fp, fd);
                }
            }
            if (errorsSeen(errors) != before) {
                continue;
            }
            if (address == null) {
                errors.add(BaseMessage.PropertyMissing, pi + "/Address", display + "/Address");
                continue;
            }
            if (prefix == null) {
                errors.add(BaseMessage.PropertyMissing, pi + "/SubnetMask", display + "/SubnetMask");
                continue;
            }
            if (!usableIpv4(address) || !hostInSubnet(address, prefix)) {
                errors.add(BaseMessage.PropertyValueIncorrect, pi + "/Address", display + "/Address", address);
                continue;
            }
            if (gateway.isPresent()) {
                String g = gateway.get();
                if (!usableIpv4(g) || g.equals(address) || !sameSubnet(g, address, prefix)) {
                    errors.add(BaseMessage.PropertyValueIncorrect, pi + "/Gateway", display + "/Gateway", g);
                    continue;
                }
            }
            out.add(new StaticIpv4(address, prefix, gateway));
            pointers.add(pi);
        }
        Set<String> seen = new HashSet<>();
        int gateways = 0;
        for (int i = 0; i < out.size(); i++) {
            StaticIpv4 a = out.get(i);
            if (!seen.add(a.address())) {
                errors.add(
                        BaseMessage.PropertyValueIncorrect,
                        pointers.get(i) + "/Address",
                        pointers.get(i).substring(2) + "/Address",
                        a.address());
            }
            if (a.gateway().isPresent() && ++gateways == 2) {
                // EthernetInterface: "only a single default gateway is allowed"
                errors.add(
                        BaseMessage.PropertyValueConflict,
                        pointers.get(i) + "/Gateway",
                        pointers.get(i).substring(2) + "/Gateway",
                        "IPv4StaticAddresses/Gateway");
            }
        }
        if (out.size() > MAX_IPV4_STATIC) {
            errors.add(BaseMessage.PropertyValueIncorrect, p, "IPv4StaticAddresses", out.size() + " addresses");
        }
        return out;
    }

    private static Dhcpv4 dhcpv4(JsonNode v, Dhcpv4 old, JsonNode current, RedfishError.Collector errors) {
        if (!v.isObject()) {
            errors.add(BaseMessage.PropertyValueTypeError, "#/DHCPv4", shown(v), "DHCPv4");
            return old;
        }
        boolean enabled = old.enabled();
        boolean dns = old.useDnsServers();
        boolean gw = old.useGateway();
        boolean domain = old.useDomainName();
        for (Map.Entry<String, JsonNode> f : v.properties()) {
            String fp = "#/DHCPv4/" + f.getKey();
            String fd = "DHCPv4/" + f.getKey();
            if (!DHCPV4.contains(f.getKey())) {
                errors.add(
                        current.at("/DHCPv4").has(f.getKey())
                                ? BaseMessage.PropertyNotWritable
                                : BaseMessage.PropertyUnknown,
                        fp,
                        fd);
                continue;
            }
            if (!f.getValue().isBoolean()) {
                errors.add(BaseMessage.PropertyValueTypeError, fp, shown(f.getValue()), fd);
                continue;
            }
            boolean b = f.getValue().asBoolean();
            switch (f.getKey()) {
                case "DHCPEnabled" -> enabled = b;
                case "UseDNSServers" -> dns = b;
                case "UseGateway" -> gw = b;
                default -> domain = b;
            }
        }
        return new Dhcpv4(enabled, dns, gw, domain);
    }

    private static boolean dhcpv6(JsonNode v, boolean old, JsonNode current, RedfishError.Collector errors) {
        if (!v.isObject()) {
            errors.add(BaseMessage.PropertyValueTypeError, "#/DHCPv6", shown(v), "DHCPv6");
            return old;
        }
        boolean enabled = old;
        for (Map.Entry<String, JsonNode> f : v.properties()) {
            String fp = "#/DHCPv6/" + f.getKey();
            String fd = "DHCPv6/" + f.getKey();
            if (!f.getKey().equals("OperatingMode")) {
                errors.add(
                        current.at("/DHCPv6").has(f.getKey())
                                ? BaseMessage.PropertyNotWritable
                                : BaseMessage.PropertyUnknown,
                        fp,
                        fd);
            } else if (!f.getValue().isTextual()) {
                errors.add(BaseMessage.PropertyValueTypeError, fp, shown(f.getValue()), fd);
            } else if (f.getValue().asText().equals("Enabled")
                    || f.getValue().asText().equals("Disabled")) {
                enabled = f.getValue().asText().equals("Enabled");
            } else {
                // Stateful and Stateless are deprecated (EthernetInterface v1_8_0); this service does not offer them
                errors.add(BaseMessage.PropertyValueNotInList, fp, f.getValue().asText(), fd);
            }
        }
        return enabled;
    }

    /** A name server a link can be configured with: an IPv4 or IPv6 literal that is not loopback, multicast or ::. */
    static boolean usableNameServer(String s) {
        if (IPV4.matcher(s).matches()) {
            return usableIpv4(s);
        }
        if (!NetUtil.isValidIpV6Address(s) || s.contains("%")) {
            return false;
        }
        byte[] b = NetUtil.createByteArrayFromIpAddressString(s);
        return b != null && !isUnspecified(b) && (b[0] & 0xFF) != 0xFF && !isLoopback6(b);
    }

    private static int errorsSeen(RedfishError.Collector errors) {
        return errors.size();
    }

    private static String shown(JsonNode v) {
        return v.isTextual() ? v.asText() : Json.write(v);
    }

    /** The prefix length of a dotted-quad subnet mask; -1 when it is not a contiguous mask. */
    static int prefixOf(String mask) {
        if (!IPV4.matcher(mask).matches()) {
            return -1;
        }
        long bits = toLong(mask);
        int len = Long.numberOfLeadingZeros(~bits & 0xFFFFFFFFL) - 32;
        long expected = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        return bits == expected ? len : -1;
    }

    /**
     * A unicast address a BMC interface (or its gateway or name server) can use: not 0.0.0.0/8 ("this network"),
     * 127.0.0.0/8 (loopback), 169.254.0.0/16 (link-local: assigned automatically, AddressOrigin IPv4LinkLocal),
     * 224.0.0.0/4 (multicast) or 240.0.0.0/4 (reserved, and the limited broadcast address). Private (RFC 1918) and
     * global addresses are both fine: management networks are usually private.
     */
    static boolean usableIpv4(String a) {
        long v = toLong(a);
        int first = (int) (v >>> 24);
        return first != 0 && first != 127 && first < 224 && !(first == 169 && (v >>> 16 & 0xFF) == 254);
    }

    /** Neither the network nor the broadcast address of its subnet (for /31 and /32 every address is a host). */
    static boolean hostInSubnet(String a, int prefix) {
        if (prefix >= 31) {
            return true;
        }
        long v = toLong(a);
        long host = v & (0xFFFFFFFFL >>> prefix);
        return host != 0 && host != (0xFFFFFFFFL >>> prefix);
    }

    static boolean sameSubnet(String a, String b, int prefix) {
        long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (toLong(a) & mask) == (toLong(b) & mask);
    }

    private static long toLong(String a) {
        long v = 0;
        for (String part : a.split("\\.", -1)) {
            v = v << 8 | Integer.parseInt(part);
        }
        return v;
    }

    private static boolean isUnspecified(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoopback6(byte[] b) {
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[15] == 1;
    }
}
