package dev.bmcagent.it.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.it.AgentJvm;
import dev.bmcagent.mqtt.monitor.FleetMonitor;
import dev.bmcagent.mqtt.monitor.FleetView;
import dev.bmcagent.mqtt.monitor.MonitorOptions;
import dev.bmcagent.mqtt.telemetry.HostPhase;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmc agent} (its own JVM) publishes to a real Mosquitto; {@code bmc monitor}'s {@link FleetMonitor} watches.
 * When the agent is killed with SIGKILL the broker publishes its last will: the monitor raises {@code bmc-offline},
 * shows the host stale and no longer counts it in its phase. When the agent freezes (SIGSTOP: the connection stays
 * up, the will is not due for 45 s) the host goes stale after {@code --stale-after} and {@code bmc-silent} is raised.
 * A real {@code mosquitto_sub} reads the will: {@code offline}, reason, {@code connectedAt}, no {@code time}.
 */
class MonitorStaleBmcIT {
    private static final String STATUS = "bmc/lab1/bmc7/status";
    private static final String HOST = "bmc/lab1/bmc7/host0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private final SystemScheduler scheduler = new SystemScheduler("monitor-stale-it");
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Process agent;
    private HostInterfaceClient host;
    private FleetMonitor monitor;

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.startForFleet(dir);
        int hostPort = MosquittoBroker.freePort();
        int redfishPort = MosquittoBroker.freePort();
        Path config = dir.resolve("agent.yaml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "hosts: 1",
                        "dataDir: " + dir.resolve("data"),
                        "adminPassword: Stale-Test1",
                        "ipmiPort: " + freeUdpPort(),
                        "redfishPort: " + redfishPort,
                        "mqttPort: " + MosquittoBroker.freePort(),
                        "hostPort: " + hostPort,
                        "mqtt:",
                        "  brokerUrl: " + broker.uri(),
                        "  site: lab1",
                        "  bmcId: bmc7",
                        ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        agent = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.bmcagent.app.cli.Main",
                        "agent",
                        "--config",
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("agent.log").toFile()))
                .start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> AgentJvm.accepts(redfishPort));
        // a host in memory training: "pre-OS" in the monitor
        host = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {});
        host.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort));
        await().atMost(Duration.ofSeconds(10)).until(host::isConnected);
        request(0x06, 0x06, "82 82"); // S2_D2
        request(0x2C, 0x02, "AE 01 00 00 00 00 10 05 00 00"); // SBMR memory init 0x00051000
        monitor = new FleetMonitor(
                MonitorOptions.of(URI.create(broker.uri()), "stale-it")
                        .withRefresh(Duration.ZERO)
                        .withStaleAfter(Duration.ofSeconds(3)),
                scheduler,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        monitor.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> monitor.snapshot().byPhase().get(HostPhase.MemoryInit) == 1);
        assertTrue(monitor.snapshot().stale().isEmpty(), monitor.snapshot().render());
    }

    @AfterEach
    void stop() throws Exception {
        if (monitor != null) {
            monitor.close();
        }
        if (host != null) {
            host.close();
        }
        if (agent != null) {
            new ProcessBuilder("kill", "-CONT", Long.toString(agent.pid()))
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
            agent.destroyForcibly();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
        scheduler.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aKilledAgentsHostsAreStaleAndTheMonitorRaisesBmcOffline() throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(agent.pid())).start().waitFor(5, TimeUnit.SECONDS);
        agent.waitFor(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> monitor.snapshot().stale().size() == 1);
        FleetView.Snapshot s = monitor.snapshot();
        System.out.println(s.render());
        assertEquals(HOST, s.stale().get(0).host());
        assertEquals("MemoryInit", s.stale().get(0).lastPhase());
        assertTrue(s.stale().get(0).reason().startsWith("BMC offline (connection lost)"), s.render());
        assertEquals(0, s.byPhase().get(HostPhase.MemoryInit), s.render());
        assertTrue(s.render().contains("| stale 1 |"), s.render());
        String out = printed.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(
                out.contains("ALERT RAISED  bmc/lab1/bmc7 bmc-offline: offline (connection lost), connected since "),
                out);

        // the will as a real subscriber reads it (retained)
        Process sub = new ProcessBuilder(
                        "mosquitto_sub",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(broker.port()),
                        "-V",
                        "mqttv5",
                        "-t",
                        STATUS,
                        "-C",
                        "1",
                        "-W",
                        "10")
                .redirectErrorStream(true)
                .start();
        assertTrue(sub.waitFor(15, TimeUnit.SECONDS));
        String line = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        System.out.println("mosquitto_sub " + STATUS + ": " + line);
        JsonNode will = JSON.readTree(line);
        assertEquals("offline", will.get("status").asText());
        assertEquals("connection lost", will.get("reason").asText());
        assertFalse(will.has("time"), line);
        assertTrue(Instant.parse(will.get("connectedAt").asText()).isBefore(s.at()), line);
    }

    @Test
    void aFrozenAgentsHostsAreStaleAfterTheIntervalAndTheMonitorRaisesBmcSilent() throws Exception {
        new ProcessBuilder("kill", "-STOP", Long.toString(agent.pid())).start().waitFor(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> monitor.snapshot().stale().size() == 1);
        FleetView.Snapshot s = monitor.snapshot();
        System.out.println(s.render());
        assertTrue(s.stale().get(0).reason().startsWith("no document for "), s.render());
        assertEquals(0, s.byPhase().get(HostPhase.MemoryInit), s.render());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> printed.toString(StandardCharsets.UTF_8)
                        .contains("ALERT RAISED  bmc/lab1/bmc7 bmc-silent: no document for 3 s"));
    }

    private void request(int netFn, int cmd, String hex) throws Exception {
        String[] parts = hex.split(" ", -1);
        byte[] data = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            data[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        host.request(netFn, 0, cmd, data).get(10, TimeUnit.SECONDS);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
