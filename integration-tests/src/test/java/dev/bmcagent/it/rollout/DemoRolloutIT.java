package dev.bmcagent.it.rollout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.account.BrokerAccounts;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.app.cli.RolloutCommand;
import dev.bmcagent.app.demo.DemoWorld;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.rollout.mqtt.MqttCampaignService;
import dev.bmcagent.rollout.mqtt.MqttPermitCoordinator;
import dev.bmcagent.rollout.permit.PermitPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The live run of issue #16 (docs/ROLLOUT.md §9): the demo with 8 simulated hosts asks for reboot permits over its
 * embedded broker ({@code rollout.permits: mqtt}); one coordinator instance (the demo's coordinator login, cap 2 =
 * 25 % of 8, 2 per group) runs a BIOS campaign started with {@code bmc rollout start}; a real {@code mosquitto_sub}
 * (the read-only monitor login) records {@code bmc/rollout/#}. Every host ends on the target (or was on it), and the
 * recorded claim log, replayed through a model of the cap, explains every grant document the coordinator published:
 * no permit took a new slot while 2 hosts were in flight (reboots the hosts did on their own count in flight too,
 * never blocked). The transcript goes to target/rollout-demo-transcript.txt.
 */
class DemoRolloutIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CAP = 2;

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("demo-rollout-it");
    private final List<Process> processes = new ArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private AgentAssembly agent;

    @AfterEach
    void stop() throws Exception {
        processes.forEach(Process::destroyForcibly);
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        if (agent != null) {
            agent.close();
        }
        scheduler.close();
    }

    @Test
    void aCampaignStartedFromTheCommandLineRollsTheDemoFleetWithinTheCap() throws Exception {
        PartialConfig demo = PartialConfig.builder()
                .hosts(8)
                .adminPassword("Demo-Roll1")
                .timeScale(50.0)
                .store(StoreKind.MEMORY)
                .rollout(new PartialConfig.PartialRollout("mqtt", null, null, "3m", "hold", "1s"))
                .build();
        for (int attempt = 1; agent == null; attempt++) { // 8 hosts: 8 consecutive host and IPMI ports
            try {
                agent = DemoWorld.start(
                        demo.overriddenBy(ports()).resolve(dir.resolve("a" + attempt)), scheduler, new SecureRandom());
            } catch (IllegalStateException | IOException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
        String broker = "tcp://127.0.0.1:" + agent.config().mqttPort();
        BrokerAccounts accounts = agent.brokerAccounts().orElseThrow();

        Queue<String> sub =
                subscribe(accounts, "-V", "mqttv5", "-t", "bmc/rollout/#", "-t", "bmc/local/bmc0/status", "-v");
        await().atMost(Duration.ofSeconds(20)).until(() -> sub.stream().anyMatch(l -> l.contains("\"online\"")));

        BrokerAccounts.Login coordinator = accounts.coordinator();
        PermitPolicy policy = new PermitPolicy(2, 25.0, 8, Duration.ofHours(1));
        MqttPermitCoordinator permits = new MqttPermitCoordinator(broker, "c1", policy, scheduler.clock())
                .withCredentials(coordinator.user(), coordinator.password());
        closing.add(permits);
        permits.start();
        MqttCampaignService campaigns = new MqttCampaignService(broker, "c1", scheduler)
                .withCredentials(coordinator.user(), coordinator.password());
        closing.add(campaigns);
        campaigns.start();

        String start = cli(
                "start",
                "--broker",
                broker,
                "--user",
                coordinator.user(),
                "--password-file",
                coordinator.file().toString(),
                "--name",
                "bios-1.50",
                "--hosts",
                "host0..host7",
                "--target",
                "BIOS=SIM-BIOS 1.50",
                "--canary",
                "1",
                "--growth",
                "2",
                "--max-wave",
                "4",
                "--host-deadline",
                "PT5M");
        assertTrue(start.contains("start sent for campaign bios-1.50"), start);

        await().atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> lastState(sub)
                        .map(s -> !s.path("status").asText().equals("RUNNING"))
                        .orElse(false));
        JsonNode state = lastState(sub).orElseThrow();
        String status = cli(
                "status",
                "--broker",
                broker,
                "--user",
                BrokerAccounts.MONITOR_USER,
                "--password-file",
                accounts.monitor().file().toString());
        List<String> lines = List.copyOf(sub);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "rollout-demo-transcript.txt"), lines);
        System.out.println(status);

        assertEquals("DONE", state.path("status").asText(), state.toString());
        assertEquals(0, state.path("failed").asInt(), state.toString());
        assertEquals(8, state.path("succeeded").asInt() + state.path("skipped").asInt(), state.toString());
        Set<String> done = new HashSet<>();
        for (String l : lines) {
            if (l.startsWith("bmc/rollout/outcome/")) {
                JsonNode o = JSON.readTree(l.substring(l.indexOf(' ') + 1));
                assertTrue(o.path("ok").asBoolean(), l);
                assertEquals("SIM-BIOS 1.50", o.path("versions").path("BIOS").asText(), l);
                done.add(o.path("hostId").asText());
            }
        }
        assertEquals(state.path("succeeded").asInt(), done.size(), "one ok outcome per updated host");

        // the agent's limits on update requests (real mosquitto_pub with the coordinator's login): ignored, no
        // reboot, no outcome; then a valid request for the version host0 already runs is answered at once
        StringBuilder manyTargets = new StringBuilder();
        for (int i = 0; i <= dev.bmcagent.mqtt.telemetry.CampaignUpdates.MAX_TARGETS; i++) {
            manyTargets.append(i == 0 ? "" : ",").append("\"NIC").append(i).append("\":\"x\"");
        }
        String[] refused = {
            "{\"schema\":1,\"campaign\":\"bad-size\",\"hostId\":\"host0\",\"targets\":{\"BIOS\":\""
                    + "x".repeat(dev.bmcagent.mqtt.telemetry.CampaignUpdates.MAX_BODY) + "\"}}",
            "{\"schema\":1,\"campaign\":\"bad-targets\",\"hostId\":\"host0\",\"targets\":{" + manyTargets + "}}",
            "{\"schema\":1,\"campaign\":\"bad-deadline\",\"hostId\":\"host0\",\"targets\":{\"BIOS\":\"x\"},"
                    + "\"deadlineSeconds\":86401}",
            "{\"schema\":1,\"campaign\":\"bad-host\",\"hostId\":\"host1\",\"targets\":{\"BIOS\":\"x\"}}",
            "not json"
        };
        for (String body : refused) {
            Process pub = new ProcessBuilder(
                            "mosquitto_pub",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(agent.config().mqttPort()),
                            "-u",
                            coordinator.user(),
                            "-P",
                            coordinator.password(),
                            "-q",
                            "1",
                            "-t",
                            "bmc/rollout/update/host0",
                            "-m",
                            body)
                    .redirectErrorStream(true)
                    .start();
            assertEquals(0, pub.waitFor(), new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        Process probe = new ProcessBuilder(
                        "mosquitto_pub",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(agent.config().mqttPort()),
                        "-u",
                        coordinator.user(),
                        "-P",
                        coordinator.password(),
                        "-q",
                        "1",
                        "-t",
                        "bmc/rollout/update/host0",
                        "-m",
                        "{\"schema\":1,\"campaign\":\"probe\","
                                + "\"hostId\":\"host0\",\"targets\":{\"NIC0\":\"SIM-UNDI 20.0\"}}")
                .start();
        assertEquals(0, probe.waitFor());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sub.stream()
                        .anyMatch(l -> l.startsWith("bmc/rollout/outcome/host0 ") && l.contains("\"probe\"")));
        assertFalse(
                sub.stream().anyMatch(l -> l.startsWith("bmc/rollout/outcome/") && l.contains("\"bad-")),
                String.join("\n", sub));

        Replay r = replay(lines);
        assertTrue(r.firmwareRequests > 0, "the agent asked for permits");
        assertTrue(r.grantDocs >= done.size(), "a grant document per firmware reboot at least");
        assertTrue(r.unexplained.isEmpty(), "grant documents the cap model does not explain: " + r.unexplained);
        assertTrue(r.observed > 0, "the hosts' own reboots were counted");
        assertTrue(r.peakNewSlot <= CAP, "a new permit slot while " + r.peakNewSlot + " in flight");
        assertFalse(status.isEmpty());
        System.out.printf(
                java.util.Locale.ROOT,
                "claims %d, grant documents %d, releases %d, own reboots counted %d, "
                        + "most in flight "
                        + "when a new permit was granted %d (cap %d), most in flight with own reboots %d%n",
                r.claims,
                r.grantDocs,
                r.releases,
                r.observed,
                r.peakNewSlot,
                CAP,
                r.peakAll);
    }

    /** Free MQTT and Redfish ports, and 8 consecutive free host-interface (TCP) and IPMI (UDP) ports. */
    private static PartialConfig ports() {
        int host = consecutive(true);
        int ipmi = consecutive(false);
        return PartialConfig.builder()
                .ipmiPort(ipmi)
                .redfishPort(FreePorts.tcp())
                .mqttPort(FreePorts.tcp())
                .hostPort(host)
                .build();
    }

    private static int consecutive(boolean tcp) {
        for (int tries = 0; tries < 50; tries++) {
            int base = tcp ? FreePorts.tcp() : FreePorts.udp();
            if (base + 8 > 65535) {
                continue;
            }
            List<java.io.Closeable> held = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.InetSocketAddress a =
                            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), base + i);
                    if (tcp) {
                        java.net.ServerSocket s = new java.net.ServerSocket();
                        held.add(s);
                        s.bind(a);
                    } else {
                        java.net.DatagramSocket s = new java.net.DatagramSocket(null);
                        held.add(s);
                        s.bind(a);
                    }
                }
                return base;
            } catch (IOException e) {
                // taken: try another base
            } finally {
                for (java.io.Closeable c : held) {
                    try {
                        c.close();
                    } catch (IOException ignored) {
                        // closing
                    }
                }
            }
        }
        throw new IllegalStateException("no 8 consecutive free ports");
    }

    /** What the recorded claim log says. */
    private static final class Replay {
        int claims;
        int grantDocs;
        int releases;
        int observed;
        int firmwareRequests;
        int peakNewSlot;
        int peakAll;
        final List<String> unexplained = new ArrayList<>();
    }

    /**
     * Replays the claim log (the coordinator's one order) through a model of the cap (one group: 2 in flight; a
     * host's own reboot takes a slot even beyond the cap; a host in flight asking again keeps its slot; waiters in
     * arrival order) and checks each grant document against the model's grants (host and sequence number).
     */
    private static Replay replay(List<String> lines) throws IOException {
        Replay r = new Replay();
        Set<String> inFlight = new LinkedHashSet<>();
        Map<String, Long> seqOf = new HashMap<>();
        Set<String> granted = new HashSet<>();
        Deque<String> waiting = new ArrayDeque<>();
        List<JsonNode> grantDocs = new ArrayList<>();
        long seq = 0;
        for (String l : lines) {
            String topic = l.substring(0, l.indexOf(' '));
            String body = l.substring(l.indexOf(' ') + 1);
            if (topic.startsWith("bmc/rollout/request/") && body.contains("firmware")) {
                r.firmwareRequests++;
            }
            if (topic.startsWith("bmc/rollout/grant/") && !body.equals("(null)")) {
                grantDocs.add(JSON.readTree(body));
            }
            if (!topic.equals("bmc/rollout/claims")) {
                continue;
            }
            JsonNode e = JSON.readTree(body);
            String h = e.path("hostId").asText();
            switch (e.path("type").asText()) {
                case "observed" -> {
                    r.observed++;
                    if (inFlight.add(h)) {
                        seqOf.put(h, ++seq);
                    }
                }
                case "claim" -> {
                    r.claims++;
                    if (inFlight.contains(h)) {
                        granted.add(h + "#" + seqOf.get(h));
                    } else if (inFlight.size() < CAP) {
                        r.peakNewSlot = Math.max(r.peakNewSlot, inFlight.size() + 1);
                        inFlight.add(h);
                        seqOf.put(h, ++seq);
                        granted.add(h + "#" + seq);
                    } else if (!waiting.contains(h)) {
                        waiting.add(h);
                    }
                }
                default -> {
                    r.releases++;
                    waiting.remove(h);
                    inFlight.remove(h);
                    for (var it = waiting.iterator(); it.hasNext() && inFlight.size() < CAP; ) {
                        String w = it.next();
                        it.remove();
                        r.peakNewSlot = Math.max(r.peakNewSlot, inFlight.size() + 1);
                        inFlight.add(w);
                        seqOf.put(w, ++seq);
                        granted.add(w + "#" + seq);
                    }
                }
            }
            r.peakAll = Math.max(r.peakAll, inFlight.size());
        }
        for (JsonNode g : grantDocs) {
            r.grantDocs++;
            if (!granted.contains(
                    g.path("hostId").asText() + "#" + g.path("seq").asLong())) {
                r.unexplained.add(g.toString());
            }
        }
        return r;
    }

    private static java.util.Optional<JsonNode> lastState(Queue<String> sub) {
        JsonNode last = null;
        for (String l : sub) {
            if (l.startsWith("bmc/rollout/campaign/bios-1.50/state ")) {
                try {
                    last = JSON.readTree(l.substring(l.indexOf(' ') + 1));
                } catch (IOException e) {
                    // skip
                }
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new RolloutCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int code = cl.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    private Queue<String> subscribe(BrokerAccounts accounts, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "mosquitto_sub",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(agent.config().mqttPort()),
                "-u",
                BrokerAccounts.MONITOR_USER,
                "-P",
                accounts.monitor().password()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        processes.add(p);
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                },
                "mosquitto_sub-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
