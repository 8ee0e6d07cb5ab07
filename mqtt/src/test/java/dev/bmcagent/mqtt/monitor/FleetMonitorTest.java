package dev.bmcagent.mqtt.monitor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.mqtt.telemetry.HostPhase;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import dev.bmcagent.mqtt.telemetry.MqttTelemetry;
import dev.bmcagent.mqtt.telemetry.TelemetryFixture;
import dev.bmcagent.mqtt.telemetry.TestSubscriber;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fleet monitors against a real Mosquitto fed by a real publisher. */
class FleetMonitorTest {
    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private TelemetryFixture feed;
    private final List<FleetMonitor> monitors = new ArrayList<>();
    private final Map<FleetMonitor, List<String>> handled = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        broker = MosquittoBroker.start(dir);
        feed = new TelemetryFixture("s-fleet", List.of("host0", "host1", "host2"));
    }

    @AfterEach
    void tearDown() {
        monitors.forEach(FleetMonitor::close);
        feed.close();
        broker.close();
    }

    private FleetMonitor monitor(MonitorOptions o, PrintStream out) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        FleetMonitor m = new FleetMonitor(
                o,
                feed.scheduler,
                out,
                (host, e) -> events.add(host + "#" + e.get("sequence").asLong()));
        handled.put(m, events);
        monitors.add(m);
        m.start();
        await().atMost(Duration.ofSeconds(5)).until(m::connected);
        return m;
    }

    private MonitorOptions options(String instance) {
        return MonitorOptions.of(URI.create(broker.uri()), instance).withRefresh(Duration.ZERO);
    }

    @Test
    void threeSharedMonitorsSeeEveryEventExactlyOncePerGroup() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        FleetMonitor a = monitor(options("a"), quiet);
        FleetMonitor b = monitor(options("b"), quiet);
        FleetMonitor c = monitor(options("c"), quiet);
        FleetMonitor solo = monitor(options("solo").withShareGroup(java.util.Optional.of("other-group")), quiet);
        awaitSubscribed(List.of(a, b, c, solo));
        try (MqttTelemetry t = feed.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data")))) {
            t.start();
            for (int i = 0; i < 150; i++) {
                for (String h : List.of("host0", "host1", "host2")) {
                    feed.postCode(h, 0x20 + (i % 8));
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> t.ackedSequence("host2") == 150);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> handled.get(a).size()
                                + handled.get(b).size()
                                + handled.get(c).size()
                        >= 450);
        List<String> all = new ArrayList<>();
        all.addAll(handled.get(a));
        all.addAll(handled.get(b));
        all.addAll(handled.get(c));
        Set<String> distinct = new HashSet<>(all);
        assertEquals(450, all.size(), "no event handled twice in the group");
        assertEquals(450, distinct.size());
        for (FleetMonitor m : List.of(a, b, c)) {
            assertTrue(
                    handled.get(m).size() >= 50,
                    "every member gets a share: " + handled.get(m).size());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.get(solo).size() == 450);
        System.out.println(String.format(
                Locale.ROOT,
                "shared group split: a=%d b=%d c=%d, other group=%d",
                handled.get(a).size(),
                handled.get(b).size(),
                handled.get(c).size(),
                handled.get(solo).size()));
    }

    @Test
    void aMonitorThatDiesMidStreamLosesNothing() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        FleetMonitor a = monitor(options("a"), quiet);
        FleetMonitor b = monitor(options("b"), quiet);
        awaitSubscribed(List.of(a, b));
        List<String> handledByDeadB;
        try (MqttTelemetry t = feed.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data")))) {
            t.start();
            for (int i = 0; i < 100; i++) {
                feed.postCode("host0", 0x20);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> t.ackedSequence("host0") == 100);
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.get(b).size() > 10);
            b.kill();
            handledByDeadB = List.copyOf(handled.get(b));
            for (int i = 0; i < 100; i++) {
                feed.postCode("host0", 0x21);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> t.ackedSequence("host0") == 200);
        }
        FleetMonitor b2 = monitor(options("b"), quiet);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Set<String> union = new HashSet<>(handled.get(a));
            union.addAll(handledByDeadB);
            union.addAll(handled.get(b2));
            return union.size() == 200;
        });
        System.out.println(String.format(
                Locale.ROOT,
                "crash: a=%d, b before crash=%d, b after restart=%d",
                handled.get(a).size(),
                handledByDeadB.size(),
                handled.get(b2).size()));
    }

    @Test
    void stuckHostFiresStdoutMqttAndWebhookAndShowsInTheSummary() throws Exception {
        LoopbackWebhook http = new LoopbackWebhook();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try {
            URI hook = http.uri();
            FleetMonitor m = monitor(
                    options("m")
                            .withWebhook(hook, false)
                            .withAlertTopic("fleet/alerts")
                            .withRefresh(Duration.ofMillis(200)),
                    out);
            FleetMonitor alertsWatcher = monitor(options("w").withShareGroup(java.util.Optional.of("w")), out);
            awaitSubscribed(List.of(m, alertsWatcher));
            try (TestSubscriber alerts = new TestSubscriber(broker.uri(), "alerts-sub", "fleet/alerts");
                    MqttTelemetry t = feed.telemetry(TelemetryFixture.options(broker.uri(), dir.resolve("data")))) {
                t.start();
                feed.powerOnToMemoryInit("host1");
                feed.raise(
                        "host1",
                        new Alert(
                                AlertKind.STUCK_PRE_OS,
                                "memory training over 600 s",
                                "MemoryInitializationStarted",
                                Duration.ofSeconds(612),
                                TelemetryFixture.T0.plusSeconds(613)));
                await().atMost(Duration.ofSeconds(10)).until(() -> http.bodies().size() == 1);
                assertTrue(
                        http.bodies().get(0).contains("\"kind\":\"stuck-pre-os\""),
                        http.bodies().get(0));
                assertTrue(
                        http.bodies().get(0).contains("\"host\":\"bmc/lab1/bmc7/host1\""),
                        http.bodies().get(0));
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> alerts.on("fleet/alerts").size() == 1);
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> m.snapshot().stuck().size() == 1);
                FleetView.Snapshot s = m.snapshot();
                assertEquals("MemoryInitializationStarted", s.stuck().get(0).phase());
                assertEquals(1, s.byPhase().get(HostPhase.MemoryInit));
                assertEquals(2, s.byPhase().get(HostPhase.Off));
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> buf.toString(StandardCharsets.UTF_8)
                                .contains("STUCK bmc/lab1/bmc7/host1  MemoryInitializationStarted"));
                String text = buf.toString(StandardCharsets.UTF_8);
                assertTrue(text.contains("ALERT RAISED  bmc/lab1/bmc7/host1 stuck-pre-os"), text);
                feed.clear("host1", AlertKind.STUCK_PRE_OS);
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> m.snapshot().stuck().isEmpty());
                await().atMost(Duration.ofSeconds(5)).until(() -> http.bodies().size() == 2);
            }
            for (String line : buf.toString(StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("ALERT") || line.contains("STUCK")) {
                    System.out.println("monitor: " + line);
                }
            }
        } finally {
            http.close();
        }
    }

    private static void awaitSubscribed(List<FleetMonitor> ms) {
        await().atMost(Duration.ofSeconds(5)).until(() -> ms.stream().allMatch(FleetMonitor::subscribed));
    }
}
