package dev.bmcagent.it.restart;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.agent.history.LogEventHistory;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.it.AgentJvm;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 item 13: {@code bmc agent} (its own JVM, disk stores) is stopped while its host is in memory training and
 * started again on the same data directory; the host reconnects (power-good) and continues. The boot must continue
 * too: Redfish BootProgress keeps MemoryInitializationStarted with its original LastStateTime, no second
 * BootCycleStarted is recorded for the same boot, and the boot that completes is cycle 1. Read with real curl.
 */
class AgentRestartMidPostIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Restart-Mid-Post-1";

    @TempDir
    Path dir;

    @Test
    void aBootInMemoryTrainingContinuesAcrossAnAgentRestart() throws Exception {
        Path data = dir.resolve("data");
        int hostPort = MosquittoBroker.freePort();
        int redfishPort = MosquittoBroker.freePort();
        Path config = dir.resolve("agent.yaml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "hosts: 1",
                        "dataDir: " + data,
                        "adminPassword: " + PASSWORD,
                        "ipmiPort: " + freeUdpPort(),
                        "redfishPort: " + redfishPort,
                        "mqttPort: " + MosquittoBroker.freePort(),
                        "hostPort: " + hostPort,
                        ""));
        try (SystemScheduler scheduler = new SystemScheduler("it-host")) {
            Process agent = AgentJvm.start(config, dir, redfishPort);
            JsonNode before;
            HostInterfaceClient first = connect(scheduler, hostPort);
            try {
                HostInterfaceClient host = first;
                request(host, 0x06, 0x06, "82 82"); // S2_D2
                request(host, 0x2C, 0x02, "AE 01 00 00 00 00 10 02 03 00"); // SBMR PEI core start 0x03021000
                request(host, 0x2C, 0x02, "AE 01 00 00 00 00 10 05 00 00"); // SBMR memory init 0x00051000
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> "MemoryInitializationStarted"
                                .equals(bootProgress(redfishPort)
                                        .get("LastState")
                                        .asText()));
                before = bootProgress(redfishPort);
            } finally {
                agent.destroy(); // SIGTERM mid-POST, host still up
                agent.waitFor(30, TimeUnit.SECONDS);
                first.close();
            }

            Process again = AgentJvm.start(config, dir, redfishPort);
            try {
                HostInterfaceClient host = connect(scheduler, hostPort); // power-good again, same boot
                await().atMost(Duration.ofSeconds(10))
                        .until(() ->
                                system(redfishPort).get("PowerState").asText().equals("On"));
                JsonNode after = bootProgress(redfishPort);
                System.out.println("BootProgress before the restart: " + before + "\nafter: " + after);
                assertEquals(
                        before.get("LastState").asText(), after.get("LastState").asText());
                assertEquals(
                        before.get("LastStateTime").asText(),
                        after.get("LastStateTime").asText(),
                        "the phase's start time (the stuck timer) is kept");
                request(host, 0x04, 0x02, "01 04 0F 05 6F C2 03 FF"); // PEM: FW progress, secondary CPU
                request(host, 0x06, 0x06, "80 80"); // S0, D0
                request(host, 0x04, 0x02, "01 04 1F 07 6F 06 FF FF"); // PEM: OS boot completed
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> "OSRunning"
                                .equals(bootProgress(redfishPort)
                                        .get("LastState")
                                        .asText()));
                host.close();
            } finally {
                again.destroy();
                again.waitFor(30, TimeUnit.SECONDS);
            }
        }
        List<LifecycleEvent> events = history(data);
        List<Long> started = events.stream()
                .filter(e -> e instanceof LifecycleEvent.BootCycleStarted)
                .map(e -> ((LifecycleEvent.BootCycleStarted) e).number())
                .toList();
        List<Long> ended = events.stream()
                .filter(e -> e instanceof LifecycleEvent.BootCycleEnded)
                .map(e -> ((LifecycleEvent.BootCycleEnded) e).cycle().number())
                .toList();
        System.out.println("cycles started " + started + ", ended " + ended);
        assertEquals(List.of(1L), started, "one BootCycleStarted for the one boot");
        assertEquals(List.of(1L), ended);
        LifecycleEvent.BootCycleEnded end = events.stream()
                .filter(e -> e instanceof LifecycleEvent.BootCycleEnded)
                .map(e -> (LifecycleEvent.BootCycleEnded) e)
                .findFirst()
                .orElseThrow();
        assertEquals("MemoryInitializationStarted", before(end), "the restored cycle kept its phases");
    }

    /** The phase the ended cycle recorded before the secondary-processor one (restored from before the stop). */
    private static String before(LifecycleEvent.BootCycleEnded end) {
        var phases = end.cycle().phases();
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).state().name().equals("SecondaryProcessorInitializationStarted")) {
                return phases.get(i - 1).state().name();
            }
        }
        return "no secondary-processor phase in " + phases;
    }

    private static List<LifecycleEvent> history(Path data) throws Exception {
        try (Stores stores = Stores.onDisk(
                data, Stores.DEFAULT_HISTORY_PER_HOST, JournalOptions.processCrashSafe(), new SecureRandom())) {
            return new LogEventHistory(stores.events())
                    .read("host0", 1, 100_000).stream().map(HostEvent::event).toList();
        }
    }

    private static JsonNode system(int port) throws Exception {
        Process p = new ProcessBuilder(
                        "curl",
                        "-sk",
                        "-u",
                        "admin:" + PASSWORD,
                        "https://127.0.0.1:" + port + "/redfish/v1/Systems/host0")
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        return JSON.readTree(new String(out, StandardCharsets.UTF_8));
    }

    private static JsonNode bootProgress(int port) throws Exception {
        return system(port).get("BootProgress");
    }

    private static HostInterfaceClient connect(SystemScheduler scheduler, int hostPort) {
        HostInterfaceClient host = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {});
        host.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort));
        await().atMost(Duration.ofSeconds(10)).until(host::isConnected);
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

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
