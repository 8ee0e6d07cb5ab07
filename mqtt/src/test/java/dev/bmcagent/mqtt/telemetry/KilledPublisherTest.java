package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's JVM is killed (SIGKILL): the broker publishes the retained last will "offline". */
class KilledPublisherTest {
    private static final String STATUS = "bmc/lab1/bmc7/status";

    @TempDir
    Path dir;

    @Test
    void lastWillOfflineWhenThePublisherJvmIsKilled() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                TestSubscriber sub = new TestSubscriber(broker.uri(), "will-sub", "bmc/lab1/bmc7/#")) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            PublisherMain.class.getName(),
                            broker.uri(),
                            dir.resolve("data").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile())
                    .start();
            try {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> sub.last(STATUS) != null
                                && sub.last(STATUS)
                                        .json()
                                        .get("status")
                                        .asText()
                                        .equals("online"));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> sub.on("bmc/lab1/bmc7/host0/events").size() == 3);
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(10))
                        .until(() ->
                                sub.last(STATUS).json().get("status").asText().equals("offline"));
                assertEquals("s-child", sub.last(STATUS).json().get("sessionId").asText());
                // no stale timestamp presented as the time of death: the will says when the connection was made
                var will = sub.last(STATUS).json();
                org.junit.jupiter.api.Assertions.assertFalse(will.has("time"), will::toString);
                org.junit.jupiter.api.Assertions.assertFalse(will.has("elapsedNanos"), will::toString);
                assertEquals("connection lost", will.get("reason").asText());
                Instant.parse(will.get("connectedAt").asText());
                try (TestSubscriber late = new TestSubscriber(broker.uri(), "late-will", STATUS)) {
                    await().atMost(Duration.ofSeconds(5)).until(() -> late.last(STATUS) != null);
                    assertEquals(
                            "offline", late.last(STATUS).json().get("status").asText());
                    assertEquals(true, late.last(STATUS).retained());
                }
            } finally {
                child.destroyForcibly();
            }
        }
    }
}
