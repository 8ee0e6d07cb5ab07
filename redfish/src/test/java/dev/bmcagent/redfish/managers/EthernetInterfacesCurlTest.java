package dev.bmcagent.redfish.managers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.redfish.testing.Curl;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managers/bmc EthernetInterfaces and NetworkProtocol HostName/FQDN, checked against iproute2 and hostname(1). */
class EthernetInterfacesCurlTest {
    private static final String ADMIN = "admin:secret";
    private static final String BASE = "/redfish/v1/Managers/bmc/EthernetInterfaces";

    @TempDir
    static Path dir;

    static RedfishFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void interfacesAreTheOnesWithAnAddressIpShows() {
        // java.net.NetworkInterface lists the interfaces that have an address, as "ip -o addr show" does:
        // "1: lo    inet 127.0.0.1/8 scope host lo ..." -> "lo"
        Set<String> ipLink = Arrays.stream(
                        Curl.exec(List.of("ip", "-o", "addr", "show")).split("\n"))
                .filter(l -> l.contains(": "))
                .map(l -> l.split(": ", -1)[1].trim().split("\\s+", -1)[0].split("@", -1)[0])
                .collect(Collectors.toCollection(TreeSet::new));
        HttpResult r = f.curl.get(BASE, "-u", ADMIN);
        assertEquals(200, r.status());
        Set<String> served = StreamSupport.stream(r.json().get("Members").spliterator(), false)
                .map(m -> m.get("@odata.id").asText().substring(BASE.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ipLink, served);
        assertEquals(
                BASE,
                f.curl.get("/redfish/v1/Managers/bmc", "-u", ADMIN)
                        .json()
                        .at("/EthernetInterfaces/@odata.id")
                        .asText());
    }

    @Test
    void loopbackShowsItsAddressAndNoInventedMac() throws Exception {
        JsonNode lo = f.curl.get(BASE + "/lo", "-u", ADMIN).json();
        assertEquals(
                "#EthernetInterface.v1_12_4.EthernetInterface",
                lo.get("@odata.type").asText());
        assertEquals("00:00:00:00:00:00", lo.get("MACAddress").asText());
        assertEquals("LinkUp", lo.get("LinkStatus").asText());
        JsonNode v4 = lo.at("/IPv4Addresses/0");
        assertEquals("127.0.0.1", v4.get("Address").asText());
        assertEquals("255.0.0.0", v4.get("SubnetMask").asText());
        assertEquals("Static", v4.get("AddressOrigin").asText());
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/net/if_inet6"))
                && lo.get("IPv6Addresses").size() > 0) {
            JsonNode v6 = lo.at("/IPv6Addresses/0"); // ::1 is a permanent address
            assertEquals("::1", v6.get("Address").asText());
            assertEquals("Static", v6.get("AddressOrigin").asText());
            assertEquals("Preferred", v6.get("AddressState").asText());
        }
        assertEquals(404, f.curl.get(BASE + "/nope0", "-u", ADMIN).status());
    }

    @Test
    void networkProtocolCarriesTheKernelHostName() {
        String hostname = Curl.exec(List.of("hostname")).trim();
        JsonNode np = f.curl.get("/redfish/v1/Managers/bmc/NetworkProtocol", "-u", ADMIN)
                .json();
        assertEquals(hostname, np.get("HostName").asText());
        assertTrue(np.get("FQDN").asText().startsWith(hostname), np.toString());
    }

    @Test
    void kernelAddressFlagsBecomeOriginAndState() throws Exception {
        java.net.Inet6Address global = (java.net.Inet6Address) java.net.InetAddress.getByName("2001:db8::5");
        assertEquals(java.util.Optional.of("SLAAC"), MachineNetwork.ipv6Origin(global, "00"));
        assertEquals(java.util.Optional.of("Static"), MachineNetwork.ipv6Origin(global, "80"));
        assertEquals(
                java.util.Optional.of("LinkLocal"),
                MachineNetwork.ipv6Origin((java.net.Inet6Address) java.net.InetAddress.getByName("fe80::1"), "80"));
        assertEquals(java.util.Optional.of("Tentative"), MachineNetwork.ipv6State("c0"));
        assertEquals(java.util.Optional.of("Deprecated"), MachineNetwork.ipv6State("20"));
        assertEquals(java.util.Optional.of("Failed"), MachineNetwork.ipv6State("48"));
        assertEquals(java.util.Optional.of("Preferred"), MachineNetwork.ipv6State("80"));
    }

    @Test
    void prefixLengthsBecomeMasks() {
        assertEquals("255.255.255.0", MachineNetwork.mask(24));
        assertEquals("255.0.0.0", MachineNetwork.mask(8));
        assertEquals("255.255.255.255", MachineNetwork.mask(32));
        assertEquals("0.0.0.0", MachineNetwork.mask(0));
    }
}
