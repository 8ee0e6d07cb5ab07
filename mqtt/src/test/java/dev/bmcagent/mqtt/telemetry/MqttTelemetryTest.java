package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher against a real Mosquitto on 127.0.0.1. */
class MqttTelemetryTest {
    private static final String PREFIX = "bmc/lab1/bmc7";

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private TelemetryFixture fx;

    @BeforeEach
    void setUp() {
        broker = MosquittoBroker.start(dir);
        fx = new TelemetryFixture("s-1234", List.of("host0", "host1"));
    }

    @AfterEach
    void tearDown() {
        fx.close();
        broker.close();
    }

    @Test
    void retainedStateAndOrderedEvents() throws Exception {
        try (TestSubscriber events = new TestSubscriber(broker.uri(), "events-sub", PREFIX + "/+/events");
                MqttTelemetry t = fx.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data")))) {
            t.start();
            fx.powerOnToMemoryInit("host0");
            for (int i = 0; i < 200; i++) {
                fx.postCode("host0", 0x1D + (i % 5));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.on(PREFIX + "/host0/events").size() >= 203);
            List<TestSubscriber.Received> got = events.on(PREFIX + "/host0/events");
            assertEquals(
                    LongStream.rangeClosed(1, 203).boxed().toList(),
                    got.stream().map(r -> r.json().get("sequence").asLong()).toList());
            JsonNode first = got.get(0).json();
            assertEquals("PowerChanged", first.get("type").asText());
            assertEquals("s-1234", first.get("sessionId").asText());
            assertEquals("host0", first.get("hostId").asText());
            assertEquals("S2_D2", got.get(1).json().at("/data/system").asText());
            assertEquals("application/json", got.get(0).properties().getContentType());
            assertTrue(
                    got.get(0).properties().getMessageExpiryInterval() != null
                            && got.get(0).properties().getMessageExpiryInterval() > 86_000,
                    "event message expiry");
            assertTrue(got.get(0).properties().getUserProperties().stream()
                    .anyMatch(p -> p.getKey().equals("seq") && p.getValue().equals("1")));
            assertTrue(got.get(0).properties().getUserProperties().stream()
                    .anyMatch(p -> p.getKey().equals("session") && p.getValue().equals("s-1234")));
            assertFalse(got.get(0).retained());
            await().atMost(Duration.ofSeconds(5)).until(() -> t.ackedSequence("host0") == 203);
        }
        // A late subscriber gets the retained state document.
        try (TestSubscriber late = new TestSubscriber(broker.uri(), "late-sub", PREFIX + "/+/state")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> late.last(PREFIX + "/host0/state") != null);
            TestSubscriber.Received r = late.last(PREFIX + "/host0/state");
            assertTrue(r.retained());
            JsonNode s = r.json();
            assertEquals("On", s.get("power").asText());
            assertEquals("S2_D2", s.at("/acpi/system").asText());
            assertFalse(s.at("/acpi/inferred").asBoolean());
            assertEquals("MemoryInit", s.get("phase").asText());
            assertEquals(
                    "MemoryInitializationStarted",
                    s.at("/bootProgress/LastState").asText());
            assertEquals(203, s.get("sequence").asLong());
            assertEquals("Normal", s.get("fanMode").asText());
            assertEquals(
                    "Off",
                    late.last(PREFIX + "/host1/state").json().get("phase").asText());
        }
    }

    @Test
    void stuckAlertRetainedThenClearedWithEmptyRetained() throws Exception {
        try (TestSubscriber sub = new TestSubscriber(broker.uri(), "alert-sub", PREFIX + "/#");
                MqttTelemetry t = fx.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data")))) {
            t.start();
            fx.powerOnToMemoryInit("host1");
            fx.raise(
                    "host1",
                    new Alert(
                            AlertKind.STUCK_PRE_OS,
                            "memory training over 600 s",
                            "MemoryInitializationStarted",
                            Duration.ofSeconds(612),
                            TelemetryFixture.T0.plusSeconds(613)));
            String topic = PREFIX + "/host1/alerts/stuck-pre-os";
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sub.last(topic) != null && sub.last(topic).payload().length > 0);
            JsonNode a = sub.last(topic).json();
            assertEquals("MemoryInitializationStarted", a.get("phase").asText());
            assertEquals(612.0, a.get("elapsedSeconds").asDouble());
            assertEquals(4, a.get("sequence").asLong());
            try (TestSubscriber late = new TestSubscriber(broker.uri(), "late-alert", PREFIX + "/+/alerts/#")) {
                await().atMost(Duration.ofSeconds(5)).until(() -> late.last(topic) != null);
                assertTrue(late.last(topic).retained());
            }
            assertTrue(sub.on(PREFIX + "/host1/events").stream()
                    .anyMatch(r -> r.json().get("type").asText().equals("AlertRaised")));
            fx.clear("host1", AlertKind.STUCK_PRE_OS);
            await().atMost(Duration.ofSeconds(5)).until(() -> sub.last(topic).payload().length == 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> t.ackedSequence("host1") == 5);
        }
        try (TestSubscriber late = new TestSubscriber(broker.uri(), "after-clear", PREFIX + "/+/alerts/#")) {
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> late.all().isEmpty());
        }
    }

    @Test
    void lastWillOfflineWhenTheConnectionIsCut() throws Exception {
        try (TcpProxy proxy = new TcpProxy(broker.port(), false);
                TestSubscriber sub = new TestSubscriber(broker.uri(), "status-sub", PREFIX + "/status");
                MqttTelemetry t = fx.telemetry(TelemetryFixture.options(proxy.uri(), dir.resolve("data"))
                        .withReconnect(Duration.ofSeconds(30), Duration.ofSeconds(30)))) {
            t.start();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sub.last(PREFIX + "/status") != null
                            && sub.last(PREFIX + "/status")
                                    .json()
                                    .get("status")
                                    .asText()
                                    .equals("online"));
            proxy.cutAll();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sub.last(PREFIX + "/status")
                            .json()
                            .get("status")
                            .asText()
                            .equals("offline"));
            assertEquals(
                    "s-1234",
                    sub.last(PREFIX + "/status").json().get("sessionId").asText());
        }
    }

    @Test
    void fallsBackToMqtt311WhenTheBrokerRefuses5() throws Exception {
        try (TcpProxy v3only = new TcpProxy(broker.port(), true);
                TestSubscriber sub = new TestSubscriber(broker.uri(), "v3-sub", PREFIX + "/+/events");
                MqttTelemetry t = fx.telemetry(TelemetryFixture.options(v3only.uri(), dir.resolve("data")))) {
            t.start();
            fx.powerOnToMemoryInit("host0");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> sub.on(PREFIX + "/host0/events").size() == 3);
            assertEquals("3.1.1", t.protocol());
            assertEquals(1, v3only.refusedV5());
        }
    }

    @Test
    void restartResumesFromTheSavedAcknowledgement() throws Exception {
        Path data = dir.resolve("data");
        try (MqttTelemetry t = fx.telemetry(TelemetryFixture.options(broker.uri(), data))) {
            t.start();
            fx.powerOnToMemoryInit("host0");
            await().atMost(Duration.ofSeconds(5)).until(() -> t.ackedSequence("host0") == 3);
        }
        assertEquals(3L, new AckStore(data).load().get("host0"));
        try (TestSubscriber sub = new TestSubscriber(broker.uri(), "resume-sub", PREFIX + "/+/events");
                MqttTelemetry t2 = fx.telemetry(TelemetryFixture.options(broker.uri(), data))) {
            fx.postCode("host0", 0x60);
            t2.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> t2.ackedSequence("host0") == 4);
            assertEquals(
                    List.of(4L),
                    sub.on(PREFIX + "/host0/events").stream()
                            .map(r -> r.json().get("sequence").asLong())
                            .toList());
        }
    }

    @Test
    void backlogBoundDropsTheOldestEventsButNeverTheState() throws Exception {
        broker.stop();
        try (MqttTelemetry t = fx.telemetry(
                TelemetryFixture.options(broker.uri(), dir.resolve("data")).withBacklogBound(10))) {
            t.start();
            fx.powerOnToMemoryInit("host0");
            for (int i = 0; i < 47; i++) {
                fx.postCode("host0", 0x20);
            }
            broker.startProcess();
            try (TestSubscriber sub = new TestSubscriber(broker.uri(), "bound-sub", PREFIX + "/host0/#")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> t.ackedSequence("host0") == 50);
                await().atMost(Duration.ofSeconds(5)).until(() -> sub.last(PREFIX + "/host0/state") != null);
                assertEquals(
                        "MemoryInit",
                        sub.last(PREFIX + "/host0/state").json().get("phase").asText());
            }
            assertEquals(40, t.droppedEvents());
        }
    }

    @Test
    void stateIsRepublishedPeriodicallyWithoutEvents() throws Exception {
        try (TestSubscriber sub = new TestSubscriber(broker.uri(), "refresh-sub", PREFIX + "/host1/state");
                MqttTelemetry t = fx.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data"))
                        .withStateRefresh(Duration.ofMillis(200)))) {
            t.start();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sub.on(PREFIX + "/host1/state").size() >= 4);
            List<TestSubscriber.Received> got = sub.on(PREFIX + "/host1/state");
            assertTrue(got.get(3).json().get("elapsedNanos").asLong()
                    > got.get(0).json().get("elapsedNanos").asLong());
            assertEquals(0, fx.history.lastSequence("host1"));
        }
    }

    @Test
    void stateCarriesFirmwareVersionsAndIsRepublishedWhenTheyChange() throws Exception {
        java.util.Map<String, String> versions = new java.util.concurrent.ConcurrentHashMap<>();
        try (TestSubscriber sub = new TestSubscriber(broker.uri(), "fw-sub", PREFIX + "/host0/state");
                MqttTelemetry t = fx.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data")))
                        .firmware(h -> h.equals("host0") ? java.util.Map.copyOf(versions) : java.util.Map.of())) {
            t.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> sub.last(PREFIX + "/host0/state") != null);
            assertTrue(sub.last(PREFIX + "/host0/state").json().get("firmware").isEmpty());
            versions.put("BIOS", "EDK2 202502");
            versions.put("NIC0", "20.5.1");
            t.firmwareChanged("host0");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sub.last(PREFIX + "/host0/state")
                            .json()
                            .at("/firmware/BIOS")
                            .asText()
                            .equals("EDK2 202502"));
            assertEquals(
                    "20.5.1",
                    sub.last(PREFIX + "/host0/state")
                            .json()
                            .at("/firmware/NIC0")
                            .asText());
        }
    }
}
