package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that refuses the credentials never holds up the event stream, and is not retried as MQTT 3.1.1. */
class RefusingBrokerTest {
    @TempDir
    Path dir;

    @Test
    void refusedCredentialsDoNotBlockTheEventStream() {
        try (MosquittoBroker broker = MosquittoBroker.startRefusingEveryone(dir);
                TelemetryFixture fx = new TelemetryFixture("s-refused", List.of("host0"));
                MqttTelemetry t = fx.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data"))
                        .withCredentials("bmc", "wrong"))) {
            t.start();
            for (int i = 0; i < 5_000; i++) {
                fx.postCode("host0", 0x10 + (i % 16));
            }
            assertEquals(5_000, fx.history.lastSequence("host0"), "every event recorded while the broker refuses");
            await().atMost(Duration.ofSeconds(10)).until(() -> t.connectFailures() >= 3);
            assertEquals("", t.protocol(), "never connected");
            assertEquals(0, t.ackedSequence("host0"));
            assertTrue(fx.stream.subscriptions().stream().allMatch(s -> s.failures() == 0));
            assertTrue(pahoThreads() <= 6, "failed connects must not leak Paho threads: " + pahoThreads());
        }
    }

    @Test
    void aBrokerThatSendsGarbageIsRetriedWithoutLeakingThreads() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                TelemetryFixture fx = new TelemetryFixture("s-garbage", List.of("host0"))) {
            Thread server = new Thread(
                    () -> {
                        while (!garbage.isClosed()) {
                            try (Socket s = garbage.accept()) {
                                s.getInputStream().read(new byte[64]);
                                // Not a CONNACK: a PUBLISH header with a malformed remaining length, then junk.
                                s.getOutputStream().write(new byte[] {
                                    0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x12, 0x34, 0x56
                                });
                                s.getOutputStream().flush();
                            } catch (IOException e) {
                                // next
                            }
                        }
                    },
                    "garbage-broker");
            server.setDaemon(true);
            server.start();
            try (MqttTelemetry t = fx.telemetry(
                    TelemetryFixture.options("tcp://127.0.0.1:" + garbage.getLocalPort(), dir.resolve("data")))) {
                t.start();
                for (int i = 0; i < 1_000; i++) {
                    fx.postCode("host0", 0x10);
                }
                assertEquals(1_000, fx.history.lastSequence("host0"));
                await().atMost(Duration.ofSeconds(20)).until(() -> t.connectFailures() >= 3);
                assertEquals("", t.protocol());
                assertTrue(pahoThreads() <= 6, "failed connects must not leak Paho threads: " + pahoThreads());
            }
        }
    }

    private static long pahoThreads() {
        // Paho renames the executor threads it runs its loops on ("MQTT Rec: ...", "MQTT Snd: ...").
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(th -> th.getName().contains("-paho-") || th.getName().startsWith("MQTT"))
                .count();
    }
}
