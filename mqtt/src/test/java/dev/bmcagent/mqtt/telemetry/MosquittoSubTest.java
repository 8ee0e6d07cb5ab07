package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented topics as a real {@code mosquitto_sub} (MQTT 5) sees them. */
class MosquittoSubTest {
    @TempDir
    Path dir;

    @Test
    void mosquittoSubSeesTheDocumentedTopics() throws Exception {
        Path out = dir.resolve("sub.out");
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                TelemetryFixture fx = new TelemetryFixture("s-sub", List.of("host0"))) {
            Process sub = new ProcessBuilder(
                            "stdbuf",
                            "-oL",
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
                            "bmc/lab1/bmc7/#",
                            "-F",
                            "%t %r %p",
                            "-d")
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> read(out).contains("SUBACK"));
                try (MqttTelemetry t = fx.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data")))) {
                    t.start();
                    fx.powerOnToMemoryInit("host0");
                    fx.raise(
                            "host0",
                            new Alert(
                                    AlertKind.STUCK_PRE_OS,
                                    "memory training over 600 s",
                                    "MemoryInitializationStarted",
                                    Duration.ofSeconds(612),
                                    TelemetryFixture.T0.plusSeconds(613)));
                    await().atMost(Duration.ofSeconds(5)).until(() -> t.ackedSequence("host0") == 4);
                    await().atMost(Duration.ofSeconds(5)).until(() -> {
                        String s = read(out);
                        return s.contains("bmc/lab1/bmc7/status ")
                                && s.contains("bmc/lab1/bmc7/host0/state ")
                                && s.contains("bmc/lab1/bmc7/host0/events ")
                                && s.contains("bmc/lab1/bmc7/host0/alerts/stuck-pre-os ")
                                && s.contains("\"type\":\"AlertRaised\"");
                    });
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> read(out).contains("\"status\":\"offline\""));
            } finally {
                sub.destroy();
                sub.waitFor();
            }
            String s = read(out);
            assertTrue(s.contains("\"phase\":\"MemoryInit\""), s);
            for (String line : s.split("\n", -1)) {
                if (line.startsWith("bmc/")) {
                    System.out.println(
                            "mosquitto_sub: " + (line.length() > 160 ? line.substring(0, 160) + "..." : line));
                }
            }
        }
    }

    /** Issue #13 item 10: NetworkBootFailed carries the interface index, IP version and protocol the host sent. */
    @Test
    void mosquittoSubSeesTheInterfaceAndProtocolOfAFailedNetworkBoot() throws Exception {
        Path out = dir.resolve("sub.out");
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                TelemetryFixture fx = new TelemetryFixture("s-sub", List.of("host0"))) {
            Process sub = new ProcessBuilder(
                            "stdbuf",
                            "-oL",
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
                            "bmc/lab1/bmc7/host0/events",
                            "-d")
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> read(out).contains("SUBACK"));
                try (MqttTelemetry t = fx.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data")))) {
                    t.start();
                    fx.powerOnToMemoryInit("host0");
                    fx.publish(
                            "host0",
                            new dev.bmcagent.acpi.lifecycle.LifecycleEvent.NetworkBootFailed(
                                    "NIC2 iPXE IPv6",
                                    dev.bmcagent.acpi.lifecycle.LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND,
                                    Duration.ofMinutes(5),
                                    TelemetryFixture.T0.plusSeconds(400),
                                    dev.bmcagent.acpi.lifecycle.BootInterface.decode(0xA2, 0x02, 0x05)));
                    await().atMost(Duration.ofSeconds(10)).until(() -> read(out).contains("NetworkBootFailed"));
                }
            } finally {
                sub.destroy();
                sub.waitFor();
            }
            String line = read(out)
                    .lines()
                    .filter(l -> l.contains("NetworkBootFailed"))
                    .findFirst()
                    .orElseThrow();
            System.out.println("mosquitto_sub: " + line);
            assertTrue(line.contains("\"interfaceIndex\":2"), line);
            assertTrue(line.contains("\"ipVersion\":\"IPv6\""), line);
            assertTrue(line.contains("\"protocol\":\"IPXE\""), line);
            assertTrue(line.contains("\"failure\":\"iPXE boot server not found\""), line);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
