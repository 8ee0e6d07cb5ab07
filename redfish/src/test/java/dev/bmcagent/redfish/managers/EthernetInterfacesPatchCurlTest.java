package dev.bmcagent.redfish.managers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PATCH of the BMC's EthernetInterfaces with curl, through the systemd-networkd backend writing into a temporary
 * directory (never the machine's own network: the "reload" command only counts its runs).
 */
class EthernetInterfacesPatchCurlTest {
    private static final String ADMIN = "admin:secret";
    private static final String BASE = "/redfish/v1/Managers/bmc/EthernetInterfaces";

    @TempDir
    static Path dir;

    static Path net;
    static Path reloads;
    static RedfishFixture f;

    @BeforeAll
    static void start() throws Exception {
        net = dir.resolve("network");
        reloads = dir.resolve("reloads");
        f = RedfishFixture.withNetwork(
                dir,
                new NetworkdBackend(
                        net,
                        net.resolve("hostname"),
                        List.of("sh", "-c", "echo reload >> " + reloads),
                        List.of(),
                        Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    /** The first interface that is not the loopback (the machine's own; only files in the temp dir change). */
    private static Optional<String> ethernet() {
        return MachineNetwork.read().interfaces().stream()
                .filter(i -> !i.loopback())
                .map(MachineNetwork.Interface::id)
                .findFirst();
    }

    @Test
    void hostNameIsWrittenAndReadBackEverywhere() throws Exception {
        HttpResult get = f.curl.get(BASE + "/lo", "-u", ADMIN);
        assertEquals("GET, HEAD, PATCH", get.header("Allow"));
        HttpResult r = f.curl.send("PATCH", BASE + "/lo", "{\"HostName\":\"bmc-rack7\"}", "-u", ADMIN);
        assertEquals(200, r.status(), r.body());
        assertEquals("bmc-rack7", r.json().get("HostName").asText());
        assertEquals("bmc-rack7\n", Files.readString(net.resolve("hostname")));
        assertEquals(
                "bmc-rack7",
                f.curl.get("/redfish/v1/Managers/bmc/NetworkProtocol", "-u", ADMIN)
                        .json()
                        .get("HostName")
                        .asText());
        // on the loopback nothing else is writable
        HttpResult lo = f.curl.send("PATCH", BASE + "/lo", "{\"IPv4StaticAddresses\":[]}", "-u", ADMIN);
        assertEquals(400, lo.status());
        assertEquals(
                "Base.1.19.0.PropertyNotWritable",
                lo.json().at("/error/@Message.ExtendedInfo/0/MessageId").asText());
        assertEquals(
                403,
                f.curl.send("PATCH", BASE + "/lo", "{\"HostName\":\"x\"}", "-u", "reader:readonly1")
                        .status());
        assertEquals(
                404,
                f.curl.send("PATCH", BASE + "/nope0", "{\"HostName\":\"x\"}", "-u", ADMIN)
                        .status());
    }

    @Test
    void staticAddressesNameServersAndDhcpGoToTheNetworkFile() throws Exception {
        Optional<String> eth = ethernet();
        assumeTrue(eth.isPresent(), "no interface besides the loopback");
        Path file = net.resolve("50-bmc-agent-" + eth.get() + ".network");
        HttpResult r = f.curl.send(
                "PATCH",
                BASE + "/" + eth.get(),
                "{\"IPv4StaticAddresses\":[{\"Address\":"
                        + "\"198.51.100.20\",\"SubnetMask\":\"255.255.255.0\",\"Gateway\":\"198.51.100.1\"}],"
                        + "\"StaticNameServers\":[\"198.51.100.53\"],\"FQDN\":\"bmc9.mgmt.example.org\","
                        + "\"DHCPv4\":{\"DHCPEnabled\":false},\"DHCPv6\":{\"OperatingMode\":\"Disabled\"}}",
                "-u",
                ADMIN);
        assertEquals(200, r.status(), r.body());
        JsonNode n = r.json();
        assertEquals("198.51.100.20", n.at("/IPv4StaticAddresses/0/Address").asText());
        assertEquals("255.255.255.0", n.at("/IPv4StaticAddresses/0/SubnetMask").asText());
        assertEquals("198.51.100.1", n.at("/IPv4StaticAddresses/0/Gateway").asText());
        assertEquals("198.51.100.53", n.at("/StaticNameServers/0").asText());
        assertEquals("bmc9.mgmt.example.org", n.get("FQDN").asText());
        assertEquals("bmc9", n.get("HostName").asText());
        assertFalse(n.at("/DHCPv4/DHCPEnabled").asBoolean());
        assertEquals("Disabled", n.at("/DHCPv6/OperatingMode").asText());
        String text = Files.readString(file);
        assertTrue(text.contains("Address=198.51.100.20/24\nGateway=198.51.100.1\n"), text);
        assertTrue(text.contains("DNS=198.51.100.53\n"), text);
        assertTrue(text.contains("Domains=mgmt.example.org\n"), text);
        assertTrue(text.contains("DHCP=no\n"), text);
        long reloadsBefore = Files.readAllLines(reloads).size();

        // bad input: 400 with every problem, the file and the reload count unchanged
        HttpResult bad = f.curl.send(
                "PATCH",
                BASE + "/" + eth.get(),
                "{\"IPv4StaticAddresses\":[{\"Address\":"
                        + "\"198.51.100.300\",\"SubnetMask\":\"255.255.255.0\"}],\"StaticNameServers\":[\"224.0.0.1\"]}",
                "-u",
                ADMIN);
        assertEquals(400, bad.status(), bad.body());
        JsonNode info = bad.json().at("/error/@Message.ExtendedInfo");
        assertEquals(
                "Base.1.19.0.PropertyValueFormatError", info.at("/0/MessageId").asText());
        assertEquals(
                "#/IPv4StaticAddresses/0/Address",
                info.at("/0/RelatedProperties/0").asText());
        assertEquals(
                "Base.1.19.0.PropertyValueIncorrect", info.at("/1/MessageId").asText());
        assertEquals(text, Files.readString(file));
        assertEquals(reloadsBefore, Files.readAllLines(reloads).size());

        // DHCP on: the file says so and the static address stays
        HttpResult dhcp =
                f.curl.send("PATCH", BASE + "/" + eth.get(), "{\"DHCPv4\":{\"DHCPEnabled\":true}}", "-u", ADMIN);
        assertEquals(200, dhcp.status(), dhcp.body());
        assertTrue(dhcp.json().at("/DHCPv4/DHCPEnabled").asBoolean());
        assertTrue(Files.readString(file).contains("DHCP=ipv4\n"));
        assertEquals(
                "198.51.100.20",
                f.curl.get(BASE + "/" + eth.get(), "-u", ADMIN)
                        .json()
                        .at("/IPv4StaticAddresses/0/Address")
                        .asText());
        assertEquals(reloadsBefore + 1, Files.readAllLines(reloads).size());
    }

    @Test
    void redfishtoolPatchesTheHostNameIntoTheFile() throws Exception {
        String out = dev.bmcagent.redfish.testing.Curl.exec(List.of(
                "redfishtool",
                "-r",
                "127.0.0.1:" + f.port(),
                "-u",
                "admin",
                "-p",
                "secret",
                "-S",
                "Always",
                "raw",
                "PATCH",
                BASE + "/lo",
                "-d",
                "{\"HostName\":\"bmc-tool\"}"));
        assertTrue(out.contains("\"HostName\": \"bmc-tool\""), out);
        assertEquals("bmc-tool\n", Files.readString(net.resolve("hostname")));
        String bad = dev.bmcagent.redfish.testing.Curl.exec(List.of(
                "redfishtool",
                "-r",
                "127.0.0.1:" + f.port(),
                "-u",
                "admin",
                "-p",
                "secret",
                "-S",
                "Always",
                "raw",
                "PATCH",
                BASE + "/lo",
                "-d",
                "{\"HostName\":\"bmc tool\"}"));
        assertTrue(bad.contains("400"), bad);
        assertEquals("bmc-tool\n", Files.readString(net.resolve("hostname")));
    }

    @Test
    void aFailingReloadAnswers500AndLeavesNothingBehind(@TempDir Path other) throws Exception {
        Path d = other.resolve("network");
        try (RedfishFixture failing = RedfishFixture.withNetwork(
                other,
                new NetworkdBackend(d, d.resolve("hostname"), List.of("false"), List.of(), Duration.ofSeconds(10)))) {
            HttpResult r = failing.curl.send("PATCH", BASE + "/lo", "{\"HostName\":\"bmc-x\"}", "-u", ADMIN);
            assertEquals(500, r.status(), r.body());
            assertEquals(
                    "Base.1.19.0.InternalError",
                    r.json().at("/error/@Message.ExtendedInfo/0/MessageId").asText());
            assertFalse(Files.exists(d.resolve("hostname")));
            assertEquals(200, failing.curl.get(BASE + "/lo", "-u", ADMIN).status());
        }
    }
}
