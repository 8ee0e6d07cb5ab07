package dev.bmcagent.it.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.account.BrokerAccounts;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.app.demo.DemoWorld;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.it.ipmi.ClientRun;
import dev.bmcagent.journal.StoreKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's embedded broker with the real Mosquitto clients (issue 11 item 4): only the agent publishes under its
 * prefix; an anonymous {@code mosquitto_pub} of a retained fake alert or a fake {@code offline} is refused (MQTT
 * 3.1.1: connection closed; MQTT 5 QoS 1: PUBACK 0x87) and never reaches a subscriber; a client reusing the agent's
 * client id is refused (3.1.1 0x02 / 5 0x85) and the agent stays connected; the monitor login reads and cannot write.
 */
class EmbeddedBrokerAclIT {
    private static final String PREFIX = "bmc/local/bmc0";
    private static final String AGENT_CLIENT_ID = "bmc-agent-local-bmc0";

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("broker-acl-it");
    private final List<Process> processes = new ArrayList<>();
    private AgentAssembly agent;
    private int port;

    @BeforeEach
    void start() throws IOException {
        PartialConfig demo = PartialConfig.builder()
                .hosts(1)
                .adminPassword("Demo-Acl1")
                .timeScale(30.0)
                .store(StoreKind.MEMORY)
                .build();
        agent = DemoWorld.start(demo.overriddenBy(FreePorts.partial()).resolve(dir), scheduler, new SecureRandom());
        port = agent.config().mqttPort();
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (agent != null) {
            agent.close();
        }
        scheduler.close();
    }

    @Test
    void anonymousPublishesToTheAgentsTopicsAreRefusedAndNeverRetained() throws Exception {
        Queue<String> watcher = subscribe("-V", "mqttv5", "-t", "bmc/#", "-v");
        await().atMost(Duration.ofSeconds(20)).until(() -> has(watcher, PREFIX + "/status", "\"online\""));

        String alert = PREFIX + "/host0/alerts/stuck-pre-os";
        ClientRun v311 = mosquitto("mosquitto_pub", "-r", "-q", "1", "-t", alert, "-m", "{\"active\":true,\"fake\":1}");
        assertNotEquals(0, v311.exit(), "3.1.1: the broker closes the connection\n" + v311.output());
        ClientRun v5 = mosquitto(
                "mosquitto_pub", "-V", "mqttv5", "-r", "-q", "1", "-t", alert, "-m", "{\"active\":true,\"fake\":2}");
        assertTrue(
                v5.output().toLowerCase(java.util.Locale.ROOT).contains("not authorized"),
                "5: PUBACK 0x87\n" + v5.output());
        ClientRun agentElsewhere = mosquitto(
                "mosquitto_pub",
                "-V",
                "mqttv5",
                "-q",
                "1",
                "-u",
                BrokerAccounts.AGENT_USER,
                "-P",
                accounts().agent().password(),
                "-t",
                "bmc/local/bmc9/status",
                "-m",
                "{\"fake\":6}");
        assertTrue(
                agentElsewhere.output().toLowerCase(java.util.Locale.ROOT).contains("not authorized"),
                "the agent's login publishes only under its own prefix\n" + agentElsewhere.output());
        ClientRun v5q0 = mosquitto(
                "mosquitto_pub",
                "-V",
                "mqttv5",
                "-r",
                "-t",
                PREFIX + "/status",
                "-m",
                "{\"status\":\"offline\",\"fake\":3}");
        ClientRun monitor = mosquitto(
                "mosquitto_pub",
                "-V",
                "mqttv5",
                "-q",
                "1",
                "-u",
                BrokerAccounts.MONITOR_USER,
                "-P",
                accounts().monitor().password(),
                "-t",
                alert,
                "-m",
                "{\"fake\":4}");
        assertTrue(
                monitor.output().toLowerCase(java.util.Locale.ROOT).contains("not authorized"),
                "the monitor login reads only\n" + monitor.output());

        // a late subscriber gets the agent's retained status, and no fake alert or status
        ClientRun late = mosquitto("mosquitto_sub", "-V", "mqttv5", "-t", "bmc/#", "-v", "--retained-only", "-W", "3");
        assertTrue(late.output().contains(PREFIX + "/status {"), late.output());
        assertFalse(late.output().contains("fake"), late.output());
        assertFalse(watcher.stream().anyMatch(l -> l.contains("fake")), String.join("\n", watcher));
        assertFalse(late.output().contains("bmc9"), late.output());
        System.out.print(String.format(
                java.util.Locale.ROOT,
                "agent elsewhere: exit %d %s%n",
                agentElsewhere.exit(),
                agentElsewhere.output().strip()));
        System.out.print(String.format(
                java.util.Locale.ROOT,
                "3.1.1 QoS1 pub: exit %d %s%n5 QoS1 pub: exit %d %s%n5 QoS0 pub: exit %d %s%n"
                        + "monitor pub: exit %d %s%n",
                v311.exit(),
                v311.output().strip(),
                v5.exit(),
                v5.output().strip(),
                v5q0.exit(),
                v5q0.output().strip(),
                monitor.exit(),
                monitor.output().strip()));
    }

    @Test
    void aClientReusingTheAgentsClientIdIsRefusedAndTheAgentStaysConnected() throws Exception {
        Queue<String> watcher = subscribe("-V", "mqttv5", "-t", PREFIX + "/status", "-v");
        await().atMost(Duration.ofSeconds(20)).until(() -> has(watcher, PREFIX + "/status", "\"online\""));
        int onlineBefore = count(watcher, "\"online\"");

        ClientRun v311 = mosquitto("mosquitto_sub", "-i", AGENT_CLIENT_ID, "-t", "x", "-C", "1", "-W", "3");
        assertTrue(v311.output().contains("identifier rejected"), v311.output());
        ClientRun v5 =
                mosquitto("mosquitto_sub", "-V", "mqttv5", "-i", AGENT_CLIENT_ID, "-t", "x", "-C", "1", "-W", "3");
        assertTrue(v5.output().contains("Client Identifier not valid"), v5.output());
        ClientRun monitor = mosquitto(
                "mosquitto_sub",
                "-V",
                "mqttv5",
                "-i",
                AGENT_CLIENT_ID,
                "-u",
                BrokerAccounts.MONITOR_USER,
                "-P",
                accounts().monitor().password(),
                "-t",
                "x",
                "-C",
                "1",
                "-W",
                "3");
        assertTrue(monitor.output().contains("Client Identifier not valid"), monitor.output());
        ClientRun wrong = mosquitto(
                "mosquitto_sub",
                "-V",
                "mqttv5",
                "-u",
                BrokerAccounts.AGENT_USER,
                "-P",
                "guess",
                "-t",
                "x",
                "-C",
                "1",
                "-W",
                "3");
        assertTrue(
                wrong.output().toLowerCase(java.util.Locale.ROOT).contains("bad user name or password"),
                wrong.output());

        // had the agent been kicked, its will ("offline") and a new "online" would follow
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> !has(watcher, PREFIX + "/status", "\"offline\""));
        assertEquals(onlineBefore, count(watcher, "\"online\""), String.join("\n", watcher));
        System.out.print(String.format(
                java.util.Locale.ROOT,
                "3.1.1 hijack: exit %d %s%n5 hijack: exit %d %s%nmonitor hijack: %s%nwrong password: %s%n",
                v311.exit(),
                v311.output().strip(),
                v5.exit(),
                v5.output().strip(),
                monitor.output().strip(),
                wrong.output().strip()));
    }

    private BrokerAccounts accounts() {
        return agent.brokerAccounts().orElseThrow();
    }

    private ClientRun mosquitto(String tool, String... args) {
        List<String> cmd = new ArrayList<>(List.of(tool, "-h", "127.0.0.1", "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        return ClientRun.of(cmd);
    }

    private Queue<String> subscribe(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        processes.add(p);
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
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

    private static boolean has(Queue<String> lines, String topic, String text) {
        return lines.stream().anyMatch(l -> l.startsWith(topic + " ") && l.contains(text));
    }

    private static int count(Queue<String> lines, String text) {
        return (int) lines.stream().filter(l -> l.contains(text)).count();
    }
}
