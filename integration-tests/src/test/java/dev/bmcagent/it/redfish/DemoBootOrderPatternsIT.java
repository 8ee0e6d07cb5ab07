package dev.bmcagent.it.redfish;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.app.demo.DemoWorld;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.it.ipmi.ClientRun;
import dev.bmcagent.journal.StoreKind;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #13 item 15 on {@code bmc demo}'s world (one simulated host, time scale 60, the seeds' boot list per NIC: HTTPS
 * IPv4 dead ~300 s, iPXE IPv4 dead ~15 s, HTTPS IPv6 boots): the configuration's {@code bootOrder} pattern is
 * declared at start, so the first boot goes straight to HTTPS IPv6; a Redfish {@code HttpBootUri} with {@code
 * UefiHttp} reaches the host through the boot initiator mailbox (read back with ipmitool) and the host's HTTP boot
 * from it shows in BootHistory; {@code Oem.BmcAgent.BootOrderPatterns} PATCHed with curl is validated and enforced.
 */
class DemoBootOrderPatternsIT {
    private static final String PASSWORD = "Demo-Ipmi1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("demo-boot-order-it");
    private AgentAssembly agent;
    private String sys;

    @BeforeEach
    void start() throws java.io.IOException {
        PartialConfig demo = PartialConfig.builder()
                .hosts(1)
                .adminPassword(PASSWORD)
                .timeScale(60.0)
                .store(StoreKind.MEMORY)
                .bootOrder(List.of(".*HTTPS IPv6.*"))
                .build();
        agent = DemoWorld.start(demo.overriddenBy(FreePorts.partial()).resolve(dir), scheduler, new SecureRandom());
        sys = "https://127.0.0.1:" + agent.config().redfishPort() + "/redfish/v1/Systems/host0";
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        scheduler.close();
    }

    @Test
    void configuredPatternHttpBootUriAndPatchedPatternsReachTheHost() throws Exception {
        // 1. bootOrder from the configuration: declared at start, applied at the first BDS, no interface lost
        JsonNode first = awaitBoots(1);
        assertEquals(
                0,
                first.path("Oem").path("BmcAgent").path("NetworkBootAttempts").size(),
                first.toString());
        JsonNode system = get(sys);
        assertEquals(
                "[\".*HTTPS IPv6.*\"]",
                system.at("/Oem/BmcAgent/BootOrderPatterns").toString());
        JsonNode order = system.at("/Boot/BootOrder");
        assertTrue(order.size() >= 1, system.toString());
        for (JsonNode ref : order) {
            String name = get(sys + "/BootOptions/" + ref.asText())
                    .path("DisplayName")
                    .asText();
            assertTrue(name.contains("HTTPS IPv6"), "BootOrder lists what the pattern matches: " + name);
        }

        // 2. HttpBootUri + UefiHttp once: into the boot initiator mailbox, where ipmitool reads it ...
        String uri = "http://192.0.2.7/boot/ipxe.efi"; // an IPv4 boot server nobody answers
        ClientRun patch = curl(
                "PATCH",
                sys,
                "{\"Boot\":{\"BootSourceOverrideTarget\":\"UefiHttp\","
                        + "\"BootSourceOverrideEnabled\":\"Once\",\"HttpBootUri\":\"" + uri + "\"}}");
        assertTrue(patch.output().strip().endsWith("200"), patch.output());
        ClientRun mailbox = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> ipmitool("chassis", "bootmbox", "get", "text"),
                        r -> r.output().contains("'http://192.0.'"));
        System.out.println("$ ipmitool chassis bootmbox get text\n"
                + String.join("\n", mailbox.output().lines().limit(10).toList()) + "\n...");
        // every block read until C9h after the last (block 128): ipmitool's end-of-mailbox signal
        assertTrue(mailbox.output().contains("Block 128 Data : ''")
                && !mailbox.output().contains("Block 129"));
        assertTrue(mailbox.output().contains("Block   1 Data : '2.7/boot/ipxe.ef'"), mailbox.output());
        assertEquals(0, mailbox.exit(), mailbox.output());
        assertTrue(mailbox.output().contains("IANA PEN       : 0"), mailbox.output());
        assertTrue(mailbox.output().contains("'http://192.0.'"), mailbox.output()); // 13 bytes after the IANA
        ClientRun flags = ipmitool("chassis", "bootparam", "get", "5");
        assertTrue(flags.output().contains("Force PXE") && flags.output().contains("BIOS EFI boot"), flags.output());
        // ... and the host boots from it first: NIC 0 HTTP(S) IPv4 fails (~300 s), then HTTPS IPv6 boots
        assertEquals(0, ipmitool("chassis", "power", "reset").exit());
        JsonNode second = awaitBoots(2);
        System.out.println(
                "boot after UefiHttp " + uri + ":\n" + second.path("Oem").toPrettyString());
        JsonNode attempts = second.path("Oem").path("BmcAgent").path("NetworkBootAttempts");
        assertEquals(1, attempts.size(), attempts.toString());
        assertEquals(0, attempts.get(0).path("InterfaceIndex").asInt(), attempts.toString());
        assertEquals("IPv4", attempts.get(0).path("IpVersion").asText(), attempts.toString());
        assertTrue(attempts.get(0).path("SecondsLost").asLong() >= 270, attempts.toString());
        assertEquals("Disabled", get(sys).at("/Boot/BootSourceOverrideEnabled").asText(), "the once is used up");

        // 3. Oem.BmcAgent.BootOrderPatterns: a bad pattern is refused naming it, a good order is enforced
        ClientRun bad = curl("PATCH", sys, "{\"Oem\":{\"BmcAgent\":{\"BootOrderPatterns\":[\".*iPXE (IPv4.*\"]}}}");
        System.out.println("$ curl -X PATCH ... BootOrderPatterns [\".*iPXE (IPv4.*\"]\n" + bad.output());
        assertTrue(bad.output().strip().endsWith("400"), bad.output());
        assertTrue(
                bad.output().contains("Base.1.19.0.PropertyValueFormatError")
                        && bad.output().contains("#/Oem/BmcAgent/BootOrderPatterns/0"),
                bad.output());
        ClientRun good = curl(
                "PATCH",
                sys,
                "{\"Oem\":{\"BmcAgent\":{\"BootOrderPatterns\":[\".*iPXE IPv4.*\",\".*HTTPS IPv6.*\"]}}}");
        assertTrue(good.output().strip().endsWith("200"), good.output());
        assertEquals(
                "[\".*iPXE IPv4.*\",\".*HTTPS IPv6.*\"]",
                get(sys).at("/Oem/BmcAgent/BootOrderPatterns").toString());
        assertEquals(0, ipmitool("chassis", "power", "reset").exit());
        JsonNode third = awaitBoots(3);
        JsonNode ipxe = third.path("Oem").path("BmcAgent").path("NetworkBootAttempts");
        System.out.println("boot after BootOrderPatterns [.*iPXE IPv4.*, .*HTTPS IPv6.*]:\n" + ipxe.toPrettyString());
        assertTrue(ipxe.size() >= 1, third.toString());
        for (JsonNode a : ipxe) {
            assertEquals("IPXE", a.path("Protocol").asText(), "iPXE IPv4 tried first now: " + ipxe);
        }
        assertTrue(get(sys).at("/Boot/BootOrder").size() >= 2);

        // 4. ipmitool writes the mailbox too (IANA 0, text, terminator); another enterprise's block 0 is refused
        ClientRun set = ipmitool("chassis", "bootmbox", "set", "text", "0", "https://[fd00::1]/x.efi");
        assertEquals(0, set.exit(), set.output());
        ClientRun block1 = ipmitool("chassis", "bootmbox", "get", "text", "block", "1");
        System.out.println("$ ipmitool chassis bootmbox get text block 1\n" + block1.output());
        assertTrue(block1.output().contains("Block Data     : '::1]/x.efi'"), block1.output());
        ClientRun other = ipmitool("chassis", "bootmbox", "set", "text", "343", "http://h/");
        System.out.println("$ ipmitool chassis bootmbox set text 343 http://h/\n" + other.output());
        // (ipmitool 1.8.19 prints the CCh but exits 0) and nothing changed
        assertTrue(
                other.output().contains("Set Chassis Boot Parameter 7 failed: Invalid data field in request"),
                other.output());
        assertTrue(ipmitool("chassis", "bootmbox", "get", "text", "block", "1")
                .output()
                .contains("Block Data     : '::1]/x.efi'"));
    }

    /** Waits until BootHistory holds {@code n} boots and the host runs its OS; returns the newest boot. */
    private JsonNode awaitBoots(int n) {
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            JsonNode entries = get(sys + "/LogServices/BootHistory/Entries?$expand=.")
                                    .path("Members");
                            List<JsonNode> boots = new ArrayList<>();
                            entries.forEach(e -> {
                                if (e.path("Oem").path("BmcAgent").has("NetworkBootAttempts")) {
                                    boots.add(e);
                                }
                            });
                            boolean running = get(sys).at("/BootProgress/LastState")
                                    .asText()
                                    .equals("OSRunning");
                            if (boots.size() < n || !running) {
                                return null;
                            }
                            boots.sort(java.util.Comparator.comparing(
                                    e -> e.path("Created").asText()));
                            return boots.get(boots.size() - 1);
                        },
                        java.util.Objects::nonNull);
    }

    private JsonNode get(String url) throws Exception {
        ClientRun r = ClientRun.of(List.of("curl", "-sk", "-u", "admin:" + PASSWORD, url));
        assertEquals(0, r.exit(), r.output());
        return JSON.readTree(r.output());
    }

    private ClientRun ipmitool(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(agent.runtime().ipmiAddress(0).getPort()),
                "-U",
                "admin",
                "-P",
                PASSWORD,
                "-C",
                "17"));
        cmd.addAll(List.of(args));
        return ClientRun.of(cmd);
    }

    private ClientRun curl(String method, String url, String body) {
        List<String> cmd = new ArrayList<>(
                List.of("curl", "-sk", "-u", "admin:" + PASSWORD, "-X", method, "-w", "\n%{http_code}"));
        if (body != null) {
            cmd.addAll(List.of("-H", "Content-Type: application/json", "-d", body));
        }
        cmd.add(url);
        return ClientRun.of(cmd);
    }
}
