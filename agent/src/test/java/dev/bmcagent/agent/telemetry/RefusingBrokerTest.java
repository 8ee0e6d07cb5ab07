package dev.bmcagent.agent.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        }
    }
}
