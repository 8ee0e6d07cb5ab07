package dev.bmcagent.it.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.agent.history.LogEventHistory;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.it.AgentJvm;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent ({@code bmc agent --config}, its own JVM, disk stores) is killed with SIGKILL in the middle of a host's
 * boot, then started again on the same data directory while the host finishes booting. A real {@code mosquitto_sub}
 * on a real Mosquitto must have received every event of the durable history, by sequence number (duplicates allowed).
 */
class AgentKilledMidBootIT {
    private static final String EVENTS = "bmc/lab1/bmc7/host0/events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyEventReachesTheSubscriberAcrossAKill9() throws Exception {
        Path data = dir.resolve("data");
        int hostPort = MosquittoBroker.freePort();
        int redfishPort = MosquittoBroker.freePort();
        Set<Long> received = new ConcurrentSkipListSet<>();
        Set<String> types = new ConcurrentSkipListSet<>();
        try (MosquittoBroker broker = MosquittoBroker.startForFleet(dir);
                SystemScheduler scheduler = new SystemScheduler("it-host")) {
            Path config = dir.resolve("agent.yaml");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "hosts: 1",
                            "dataDir: " + data,
                            "adminPassword: Kill-9-Test",
                            "ipmiPort: " + freeUdpPort(),
                            "redfishPort: " + redfishPort,
                            "mqttPort: " + MosquittoBroker.freePort(),
                            "hostPort: " + hostPort,
                            "mqtt:",
                            "  brokerUrl: " + broker.uri(),
                            "  site: lab1",
                            "  bmcId: bmc7",
                            ""));
            Process sub = new ProcessBuilder(
                            "mosquitto_sub",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(broker.port()),
                            "-V",
                            "mqttv5",
                            "-q",
                            "1",
                            "-t",
                            EVENTS)
                    .redirectErrorStream(true)
                    .start();
            Thread reader = collect(sub, received, types);
            try {
                Process agent = AgentJvm.start(config, dir, redfishPort);
                HostInterfaceClient host = bootUntilMemoryInit(scheduler, hostPort);
                await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 5);
                agent.destroyForcibly(); // kill -9 mid-boot
                agent.waitFor(10, TimeUnit.SECONDS);
                host.close();

                Process again = AgentJvm.start(config, dir, redfishPort);
                try {
                    HostInterfaceClient host2 = bootUntilMemoryInit(scheduler, hostPort);
                    request(host2, 0x06, 0x06, "80 80"); // S0_G0_D0
                    request(host2, 0x2C, 0x02, "AE 01 00 00 00 19 10 10 03 00"); // SBMR ExitBootServices
                    await().atMost(Duration.ofSeconds(30)).until(() -> types.contains("BootCycleEnded"));
                    host2.close();
                } finally {
                    again.destroy(); // SIGTERM: stores closed
                    again.waitFor(30, TimeUnit.SECONDS);
                }
                long lastBootEnd = lastBootCycleEnded(data);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> received.containsAll(
                                LongStream.rangeClosed(1, lastBootEnd).boxed().toList()));
                Set<Long> missing = new TreeSet<>(
                        LongStream.rangeClosed(1, lastBootEnd).boxed().toList());
                missing.removeAll(received);
                assertTrue(missing.isEmpty(), "missing after the kill: " + missing);
                assertTrue(lastBootEnd > 10, "a boot before and after the kill: " + lastBootEnd);
            } finally {
                sub.destroyForcibly();
                reader.join(5_000);
            }
        }
    }

    /**
     * Starts {@code bmc agent} and waits until its Redfish port accepts (Redfish starts after the host interface;
     * probing the host-interface port itself would look like a host connecting).
     */

    /** Connects like QEMU (power-good), reports S2_D2 and the first SBMR progress codes. */
    private static HostInterfaceClient bootUntilMemoryInit(SystemScheduler scheduler, int hostPort) throws Exception {
        HostInterfaceClient host = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {});
        host.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort));
        await().atMost(Duration.ofSeconds(10)).until(host::isConnected);
        request(host, 0x06, 0x06, "82 82"); // S2_D2
        request(host, 0x2C, 0x02, "AE 01 00 00 00 00 10 02 03 00"); // SBMR PEI core start 0x03021000
        request(host, 0x2C, 0x02, "AE 01 00 00 00 00 10 05 00 00"); // SBMR memory init 0x00051000
        return host;
    }

    private static void request(HostInterfaceClient host, int netFn, int cmd, String hex) throws Exception {
        String[] parts = hex.split(" ", -1);
        byte[] data = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            data[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        host.request(netFn, 0, cmd, data).get(10, TimeUnit.SECONDS);
    }

    /** The sequence of the last BootCycleEnded in the durable history (read after the agent stopped). */
    private static long lastBootCycleEnded(Path data) throws Exception {
        try (Stores stores = Stores.onDisk(
                data, Stores.DEFAULT_HISTORY_PER_HOST, JournalOptions.processCrashSafe(), new SecureRandom())) {
            List<HostEvent> events = new LogEventHistory(stores.events()).read("host0", 1, 100_000);
            return events.stream()
                    .filter(e -> e.event().getClass().getSimpleName().equals("BootCycleEnded"))
                    .mapToLong(HostEvent::sequence)
                    .max()
                    .orElseThrow();
        }
    }

    private static Thread collect(Process sub, Set<Long> received, Set<String> types) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            try {
                                JsonNode n = JSON.readTree(line);
                                received.add(n.get("sequence").asLong());
                                types.add(n.get("type").asText());
                            } catch (IOException | RuntimeException notJson) {
                                // mosquitto_sub diagnostics
                            }
                        }
                    } catch (IOException ended) {
                        // subscriber stopped
                    }
                },
                "mosquitto_sub-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
