package dev.bmcagent.it.telemetry;

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
import dev.bmcagent.simulator.host.FaultFlag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bmc demo --time-scale 60 --fault ...} as a user sees it (issue #13 item 14): the demo's world with the
 * {@code --fault} flags applied the way {@code bmc demo} applies them ({@link DemoWorld#start(dev.bmcagent.agent.config.AgentConfig, dev.bmcagent.common.time.Scheduler, SecureRandom, List)}), read
 * with real mosquitto_sub, curl (Redfish and SSE) and ipmitool. Before the flags the demo could show no fault: every
 * boot lost one interface and no host ever stuck.
 */
class DemoFaultsIT {
    private static final String PASSWORD = "Demo-Faults1";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The issue's promise: the alert arrives within a minute at time scale 60. */
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("demo-faults-it");
    private final List<Process> clients = new ArrayList<>();
    private AgentAssembly agent;

    private void start(int hosts, String... faults) throws IOException {
        PartialConfig demo = PartialConfig.builder()
                .hosts(hosts)
                .adminPassword(PASSWORD)
                .timeScale(60.0)
                .store(StoreKind.MEMORY)
                .build();
        agent = DemoWorld.start(
                demo.overriddenBy(FreePorts.partial()).resolve(dir),
                scheduler,
                new SecureRandom(),
                FaultFlag.parseAll(List.of(faults)));
    }

    @AfterEach
    void stop() {
        clients.forEach(Process::destroyForcibly);
        if (agent != null) {
            agent.close();
        }
        scheduler.close();
    }

    @Test
    void deadNicsCostAboutFiveMinutesEachOnEverySurfaceAndRaiseSlowBootWithinAMinute() throws Exception {
        start(2, "host0:dead-nics=4", "host1:dimm-lost");
        long started = System.nanoTime();
        List<String> mqtt = follow(
                "mosquitto_sub",
                "-h",
                "127.0.0.1",
                "-p",
                mqttPort(),
                "-V",
                "mqttv5",
                "-v",
                "-t",
                "bmc/+/+/host0/events",
                "-t",
                "bmc/+/+/+/alerts/#");
        List<String> sse = follow("curl", "-N", "-sk", "-u", "admin:" + PASSWORD, base() + "/EventService/SSE");

        await().atMost(MINUTE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> mqtt.stream()
                        .anyMatch(l -> l.contains("/host0/alerts/slow-boot ") && l.contains("\"active\":true")));
        System.out.printf(
                java.util.Locale.ROOT,
                "slow-boot alert in mosquitto_sub %.1f s after the demo started%n",
                (System.nanoTime() - started) / 1e9);
        // the alert is raised by the first attempt (300 s > 2 min); the other three follow within seconds at 60x.
        // The demo's list per NIC (#13 item 16): HTTPS IPv4, iPXE IPv4, HTTPS IPv6, iPXE IPv6, all four dead
        List<double[]> mqttLost =
                await().atMost(Duration.ofSeconds(30)).until(() -> lost(mqtt, MQTT_LOST), l -> l.size() >= 4);
        assertFirstFourDead(mqttLost, "MQTT");

        await().atMost(Duration.ofSeconds(10)).until(() -> lost(sse, SSE_LOST).size() >= 4);
        assertFirstFourDead(lost(sse, SSE_LOST), "SSE " + String.join("\n", sse));

        JsonNode first = get(base() + "/Systems/host0/LogServices/BootHistory/Entries/1");
        List<double[]> redfishLost = new ArrayList<>();
        for (JsonNode a : first.path("Oem").path("BmcAgent").path("NetworkBootAttempts")) {
            if (a.path("InterfaceIndex").isInt()) {
                redfishLost.add(new double[] {
                    a.path("SecondsLost").asDouble(),
                    a.path("Interface").asText().contains("iPXE") ? 1 : 0
                });
            }
        }
        assertFirstFourDead(redfishLost, "Redfish BootHistory " + first);
        assertEquals(
                "Warning",
                get(base() + "/Systems/host0").path("Status").path("Health").asText());

        // host1 lost a DIMM after its first boot: its second boot reports fewer DIMMs than the last good one
        await().atMost(MINUTE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> mqtt.stream()
                        .anyMatch(l -> l.contains("/host1/alerts/missing-memory ") && l.contains("\"active\":true")));
        assertTrue(get(base() + "/Systems/host1")
                .path("Status")
                .path("Health")
                .asText()
                .matches("Warning|Critical"));
    }

    @Test
    void stuckMemoryTrainingAndAStalledFanAreAlertsWithinAMinute() throws Exception {
        start(1, "host0:stuck-memory-training", "host0:fan-stall=2");
        long started = System.nanoTime();
        List<String> mqtt = follow(
                "mosquitto_sub",
                "-h",
                "127.0.0.1",
                "-p",
                mqttPort(),
                "-V",
                "mqttv5",
                "-v",
                "-t",
                "bmc/+/+/host0/alerts/#");

        await().atMost(MINUTE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> mqtt.stream()
                        .anyMatch(l -> l.contains("/alerts/stuck-pre-os ")
                                && l.contains("\"active\":true")
                                && l.contains("\"severity\":\"Warning\"")));
        System.out.printf(
                java.util.Locale.ROOT,
                "stuck-pre-os alert in mosquitto_sub %.1f s after the demo started%n",
                (System.nanoTime() - started) / 1e9);
        await().atMost(MINUTE)
                .until(() -> mqtt.stream().anyMatch(l -> l.contains("/alerts/fan-stall ") && l.contains("SYS_FAN2")));
        JsonNode system = get(base() + "/Systems/host0");
        assertEquals("Warning", system.path("Status").path("Health").asText(), system.toString());
        assertEquals(
                "MemoryInitializationStarted",
                system.path("BootProgress").path("LastState").asText(),
                system.toString());

        ClientRun fans = ipmitool("sdr", "type", "Fan");
        assertTrue(
                fans.output().lines().anyMatch(l -> l.startsWith("SYS_FAN2") && l.contains("| 0 RPM")), fans.output());
        assertTrue(
                fans.output()
                        .lines()
                        .anyMatch(l -> l.startsWith("SYS_FAN1") && !l.contains("| 0 RPM") && l.contains("RPM")),
                "the other fans spin: " + fans.output());
    }

    /** A NetworkBootFailed event: group 1 the seconds lost, group 2 the protocol. */
    private static final Pattern MQTT_LOST =
            Pattern.compile("\"type\":\"NetworkBootFailed\".*?\"timeLostSeconds\":([0-9.]+).*?\"protocol\":\"(\\w+)\"");
    /** A NetworkBootAttemptFailed message: group 2 the protocol word of the interface, group 1 the seconds lost. */
    private static final Pattern SSE_LOST = Pattern.compile("on interface UEFI: (?=(\\S+)).*?; ([0-9.]+) seconds lost");

    /**
     * HTTPS IPv4, iPXE IPv4, HTTPS IPv6, iPXE IPv6 dead: ~300 s each on the vendor HTTPS stack, iPXE's own 15 s / 3.9 s
     * (measured by the agent from the previous failure, so a loaded machine adds a few seconds).
     */
    private static void assertFirstFourDead(List<double[]> lost, String where) {
        assertTrue(lost.size() >= 4, where + ": " + lost.size() + " attempts");
        int https = 0;
        int ipxe = 0;
        for (double[] a : lost.subList(0, 4)) {
            boolean isIpxe = a[1] == 1;
            assertTrue(
                    isIpxe ? a[0] >= 3 && a[0] <= 25 : a[0] >= 270 && a[0] <= 330,
                    where + ": a dead HTTPS interface costs ~300 s, iPXE 15 s (IPv4) or 3.9 s (IPv6), got "
                            + (isIpxe ? "iPXE " : "HTTPS ") + a[0]);
            if (isIpxe) {
                ipxe++;
            } else {
                https++;
            }
        }
        assertEquals(2, https, where + ": two HTTPS and two iPXE attempts dead");
        assertEquals(2, ipxe, where);
    }

    /** {seconds lost, 1 if iPXE} of every attempt in {@code lines}. */
    private static List<double[]> lost(List<String> lines, Pattern p) {
        List<double[]> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = p.matcher(l);
            while (m.find()) {
                boolean sse = p == SSE_LOST;
                String protocol = sse ? m.group(1) : m.group(2);
                double seconds = Double.parseDouble(sse ? m.group(2) : m.group(1));
                out.add(new double[] {seconds, protocol.equalsIgnoreCase("iPXE") ? 1 : 0});
            }
        }
        return out;
    }

    private String mqttPort() {
        return Integer.toString(agent.config().mqttPort());
    }

    private String base() {
        return "https://127.0.0.1:" + agent.config().redfishPort() + "/redfish/v1";
    }

    /** Starts a long-running client; its output lines, as they arrive. */
    private List<String> follow(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        clients.add(p);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String l = in.readLine(); l != null; l = in.readLine()) {
                            lines.add(l);
                        }
                    } catch (IOException e) {
                        lines.add("reader failed: " + e);
                    }
                },
                command[0] + "-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
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

    private static JsonNode get(String url) throws Exception {
        ClientRun r = ClientRun.of(List.of("curl", "-sk", "-u", "admin:" + PASSWORD, url));
        assertEquals(0, r.exit(), r.output());
        return JSON.readTree(r.output());
    }
}
