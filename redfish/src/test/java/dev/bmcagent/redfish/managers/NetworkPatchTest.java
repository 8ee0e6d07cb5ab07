package dev.bmcagent.redfish.managers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.NetworkSettings;
import dev.bmcagent.redfish.backend.NetworkSettings.Dhcpv4;
import dev.bmcagent.redfish.backend.NetworkSettings.StaticIpv4;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.RedfishException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkPatchTest {
    private static final NetworkSettings BASE = new NetworkSettings(
            Optional.of("bmc"),
            Optional.of("example.org"),
            List.of("192.0.2.53"),
            new Dhcpv4(false, true, true, false),
            false,
            List.of(new StaticIpv4("192.0.2.10", 24, Optional.of("192.0.2.1"))));
    private static final ObjectNode CURRENT = (ObjectNode) parse(
            "{\"MACAddress\":\"x\",\"NameServers\":[]," + "\"IPv4Addresses\":[],\"DHCPv4\":{\"DHCPEnabled\":false}}");

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static NetworkSettings merge(String body) {
        return NetworkPatch.merge((ObjectNode) parse(body), BASE, CURRENT, false);
    }

    /** The (MessageId suffix, RelatedProperty) pairs of the 400 answer. */
    private static List<String> errors(String body) {
        RedfishException e = assertThrows(RedfishException.class, () -> merge(body));
        assertEquals(400, e.error().status());
        return e.error().infos().stream()
                .map((RedfishError.Info i) -> i.message().name() + " " + i.relatedProperty())
                .toList();
    }

    @Test
    void hostNameAndFqdnSplitIntoHostAndDomain() {
        NetworkSettings s = merge("{\"FQDN\":\"bmc7.rack3.example.net\"}");
        assertEquals(Optional.of("bmc7"), s.hostName());
        assertEquals(Optional.of("rack3.example.net"), s.domainName());
        assertEquals(BASE.ipv4Static(), s.ipv4Static());
        NetworkSettings h = merge("{\"HostName\":\"bmc-8\"}");
        assertEquals(Optional.of("bmc-8"), h.hostName());
        assertEquals(Optional.of("example.org"), h.domainName());
        assertEquals(Optional.empty(), merge("{\"FQDN\":\"solo\"}").domainName());
        assertEquals(
                List.of("PropertyValueConflict #/FQDN"), errors("{\"HostName\":\"a\",\"FQDN\":\"b.example.org\"}"));
        assertEquals(List.of("PropertyValueFormatError #/HostName"), errors("{\"HostName\":\"bmc.example.org\"}"));
        assertEquals(List.of("PropertyValueFormatError #/HostName"), errors("{\"HostName\":\"-bmc\"}"));
        assertEquals(List.of("PropertyValueFormatError #/FQDN"), errors("{\"FQDN\":\"bmc..org\"}"));
        assertEquals(List.of("PropertyValueFormatError #/FQDN"), errors("{\"FQDN\":\"" + "a".repeat(64) + ".org\"}"));
        assertEquals(List.of("PropertyValueTypeError #/HostName"), errors("{\"HostName\":7}"));
    }

    @Test
    void staticAddressesAreCheckedAsANetworkWouldUseThem() {
        NetworkSettings s = merge("{\"IPv4StaticAddresses\":[{\"Address\":\"10.1.2.3\",\"SubnetMask\":\"255.255.0.0\","
                + "\"Gateway\":\"10.1.0.1\"},{\"Address\":\"172.16.0.9\",\"SubnetMask\":\"255.255.255.252\"}]}");
        assertEquals(
                List.of(
                        new StaticIpv4("10.1.2.3", 16, Optional.of("10.1.0.1")),
                        new StaticIpv4("172.16.0.9", 30, Optional.empty())),
                s.ipv4Static());
        assertEquals(
                List.of("PropertyValueFormatError #/IPv4StaticAddresses/0/Address"),
                errors("{\"IPv4StaticAddresses\":[{\"Address\":\"10.1.2.300\",\"SubnetMask\":\"255.0.0.0\"}]}"));
        assertEquals(
                List.of("PropertyValueFormatError #/IPv4StaticAddresses/0/Address"),
                errors("{\"IPv4StaticAddresses\":[{\"Address\":\"010.1.2.3\",\"SubnetMask\":\"255.0.0.0\"}]}"));
        assertEquals(
                List.of("PropertyValueFormatError #/IPv4StaticAddresses/0/SubnetMask"),
                errors("{\"IPv4StaticAddresses\":[{\"Address\":\"10.1.2.3\",\"SubnetMask\":\"255.0.255.0\"}]}"));
        assertEquals(
                List.of("PropertyValueIncorrect #/IPv4StaticAddresses/0/SubnetMask"),
                errors("{\"IPv4StaticAddresses\":[{\"Address\":\"10.1.2.3\",\"SubnetMask\":\"0.0.0.0\"}]}"));
        for (String bad : List.of(
                "127.0.0.5", "224.0.0.1", "255.255.255.255", "0.1.2.3", "169.254.1.1", "10.1.2.0", "10.1.2.255")) {
            assertEquals(
                    List.of("PropertyValueIncorrect #/IPv4StaticAddresses/0/Address"),
                    errors("{\"IPv4StaticAddresses\":[{\"Address\":\"" + bad
                            + "\",\"SubnetMask\":\"255.255.255.0\"}]}"),
                    bad);
        }
        assertEquals(
                List.of("PropertyValueIncorrect #/IPv4StaticAddresses/0/Gateway"),
                errors("{\"IPv4StaticAddresses\":[{\"Address\":\"10.1.2.3\",\"SubnetMask\":\"255.255.255.0\","
                        + "\"Gateway\":\"10.9.9.1\"}]}"));
        assertEquals(
                List.of("PropertyValueConflict #/IPv4StaticAddresses/1/Gateway"),
                errors("{\"IPv4StaticAddresses\":[{\"Address\":\"10.1.2.3\",\"SubnetMask\":\"255.255.255.0\","
                        + "\"Gateway\":\"10.1.2.1\"},{\"Address\":\"10.2.2.3\",\"SubnetMask\":\"255.255.255.0\","
                        + "\"Gateway\":\"10.2.2.1\"}]}"));
        assertEquals(
                List.of("PropertyMissing #/IPv4StaticAddresses/1/SubnetMask"),
                errors("{\"IPv4StaticAddresses\":[{},{\"Address\":\"10.2.2.3\"}]}"));
        assertEquals(
                List.of("PropertyNotWritable #/IPv4StaticAddresses/0/AddressOrigin"),
                errors("{\"IPv4StaticAddresses\":[{\"AddressOrigin\":\"DHCP\"}]}"));
        // /31 and /32: every address is a host address
        assertEquals(
                31,
                merge("{\"IPv4StaticAddresses\":[{\"Address\":\"10.0.0.0\",\"SubnetMask\":"
                                + "\"255.255.255.254\",\"Gateway\":null}]}")
                        .ipv4Static()
                        .get(0)
                        .prefixLength());
        // element 0 is merged with the configured one: its gateway stays unless changed, and must fit the new subnet
        assertEquals(
                List.of("PropertyValueIncorrect #/IPv4StaticAddresses/0/Gateway"),
                errors("{\"IPv4StaticAddresses\":[{\"Address\":\"10.1.2.3\",\"SubnetMask\":\"255.255.255.0\"}]}"));
    }

    @Test
    void arraysFollowThePatchRulesOfDsp0266() {
        // {} keeps element 0, an object changes one property of it, null removes it
        assertEquals(BASE.ipv4Static(), merge("{\"IPv4StaticAddresses\":[{}]}").ipv4Static());
        assertEquals(
                List.of(new StaticIpv4("192.0.2.11", 24, Optional.of("192.0.2.1"))),
                merge("{\"IPv4StaticAddresses\":[{\"Address\":\"192.0.2.11\"}]}")
                        .ipv4Static());
        assertEquals(List.of(), merge("{\"IPv4StaticAddresses\":[null]}").ipv4Static());
        assertEquals(List.of(), merge("{\"IPv4StaticAddresses\":[]}").ipv4Static());
        assertEquals(
                List.of(new StaticIpv4("192.0.2.10", 24, Optional.empty())),
                merge("{\"IPv4StaticAddresses\":[{\"Gateway\":null}]}").ipv4Static());
        String seventeen = "["
                + String.join(
                        ",",
                        java.util.stream.IntStream.range(1, 18)
                                .mapToObj(i -> "{\"Address\":\"10.0.0." + i
                                        + "\",\"SubnetMask\":\"255.255.255.0\",\"Gateway\":null}")
                                .toList())
                + "]";
        assertEquals(
                List.of("PropertyValueIncorrect #/IPv4StaticAddresses"),
                errors("{\"IPv4StaticAddresses\":" + seventeen + "}"));
    }

    @Test
    void nameServersAreAddressesAtMostThree() {
        assertEquals(
                List.of("192.0.2.53", "2001:db8::35"),
                merge("{\"StaticNameServers\":[\"192.0.2.53\",\"2001:DB8:0:0::35\"]}")
                        .staticNameServers());
        assertEquals(List.of(), merge("{\"StaticNameServers\":[null]}").staticNameServers());
        assertEquals(
                List.of("PropertyValueFormatError #/StaticNameServers/0"),
                errors("{\"StaticNameServers\":[\"dns.example.org\"]}"));
        assertEquals(
                List.of("PropertyValueIncorrect #/StaticNameServers/0", "PropertyValueIncorrect #/StaticNameServers/1"),
                errors("{\"StaticNameServers\":[\"224.0.0.251\",\"::\"]}"));
        assertEquals(
                List.of("PropertyValueIncorrect #/StaticNameServers"),
                errors("{\"StaticNameServers\":[\"192.0.2.1\",\"192.0.2.2\",\"192.0.2.3\",\"192.0.2.4\"]}"));
        assertEquals(List.of("PropertyNotWritable #/NameServers"), errors("{\"NameServers\":[\"192.0.2.1\"]}"));
        assertEquals(List.of("PropertyNotWritable #/IPv4Addresses"), errors("{\"IPv4Addresses\":[]}"));
        assertEquals(List.of("PropertyUnknown #/Bogus"), errors("{\"Bogus\":1}"));
    }

    @Test
    void dhcpToggles() {
        NetworkSettings s = merge("{\"DHCPv4\":{\"DHCPEnabled\":true,\"UseDNSServers\":false},"
                + "\"DHCPv6\":{\"OperatingMode\":\"Enabled\"}}");
        assertTrue(s.dhcpv4().enabled());
        assertFalse(s.dhcpv4().useDnsServers());
        assertTrue(s.dhcpv4().useGateway());
        assertTrue(s.dhcpv6());
        assertEquals(
                List.of("PropertyValueNotInList #/DHCPv6/OperatingMode"),
                errors("{\"DHCPv6\":{\"OperatingMode\":\"Stateless\"}}"));
        assertEquals(
                List.of("PropertyValueTypeError #/DHCPv4/DHCPEnabled"),
                errors("{\"DHCPv4\":{\"DHCPEnabled\":\"yes\"}}"));
    }

    @Test
    void onTheLoopbackOnlyTheHostNameIsWritable() {
        ObjectNode body = (ObjectNode) parse("{\"HostName\":\"bmc2\",\"IPv4StaticAddresses\":[]}");
        RedfishException e = assertThrows(RedfishException.class, () -> NetworkPatch.merge(body, BASE, CURRENT, true));
        assertEquals("PropertyNotWritable", e.error().infos().get(0).message().name());
        assertEquals(
                Optional.of("bmc2"),
                NetworkPatch.merge((ObjectNode) parse("{\"HostName\":\"bmc2\"}"), BASE, CURRENT, true)
                        .hostName());
    }

    @Test
    void masks() {
        assertEquals(24, NetworkPatch.prefixOf("255.255.255.0"));
        assertEquals(32, NetworkPatch.prefixOf("255.255.255.255"));
        assertEquals(1, NetworkPatch.prefixOf("128.0.0.0"));
        assertEquals(0, NetworkPatch.prefixOf("0.0.0.0"));
        assertEquals(-1, NetworkPatch.prefixOf("255.255.0.255"));
        assertEquals(-1, NetworkPatch.prefixOf("255.255.255"));
    }

    @Test
    void theFirstChangeStartsFromWhatTheInterfaceUses() {
        MachineNetwork.Interface eth = new MachineNetwork.Interface(
                "eth0",
                "eth0",
                "02:00:00:00:00:01",
                true,
                false,
                1500,
                java.util.OptionalInt.empty(),
                List.of(
                        new MachineNetwork.Ipv4("192.0.2.10", "255.255.255.0", Optional.of("192.0.2.1")),
                        new MachineNetwork.Ipv4("169.254.3.4", "255.255.0.0", Optional.of("192.0.2.1"))),
                List.of());
        MachineNetwork.Snapshot s = new MachineNetwork.Snapshot(
                "bmc", "bmc.example.org", List.of("127.0.0.53", "192.0.2.53", "::1"), List.of(eth));
        NetworkSettings t = EthernetInterfacesResource.takeOver(s, eth);
        assertEquals(Optional.of("bmc"), t.hostName());
        assertEquals(Optional.of("example.org"), t.domainName());
        assertEquals(List.of("192.0.2.53"), t.staticNameServers(), "no loopback resolver stub");
        assertEquals(
                List.of(new StaticIpv4("192.0.2.10", 24, Optional.of("192.0.2.1"))),
                t.ipv4Static(),
                "no link-local address");
        assertFalse(t.dhcpv4().enabled());
    }
}
