package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker outage in the middle of a stream: Mosquitto is stopped while events keep coming, then restarted on the
 * same port; the subscriber must end up with every event by sequence number (duplicates allowed).
 *
 * <p>The outage lasts {@code -Dmqtt.outage.seconds} (default 60, as the issue asks; -Dmqtt.outage.seconds=3 for a quick run).
 */
class BrokerOutageTest {
    private static final String EVENTS = "bmc/lab1/bmc7/host0/events";
    /** A topic only the test publishes to, next to the events: proves the subscriber receives again. */
    private static final String PROBE = "bmc/lab1/bmc7/host0/probe";

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("mqtt.outage.seconds", 60));

    @TempDir
    Path dir;

    @Test
    void everyEventArrivesAfterTheBrokerComesBack() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                TcpProxy toBroker = new TcpProxy(broker.port(), false);
                TelemetryFixture fx = new TelemetryFixture("s-outage", List.of("host0"));
                TestSubscriber sub = new TestSubscriber(broker.uri(), "outage-sub", "bmc/lab1/bmc7/host0/+");
                MqttTelemetry t = fx.telemetry(TelemetryFixture.options(toBroker.uri(), dir.resolve("data"))
                        .withReconnect(Duration.ofMillis(100), Duration.ofSeconds(2)))) {
            t.start();
            AtomicLong published = new AtomicLong();
            Scheduler.Cancellable feed = fx.scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(50), () -> {
                fx.postCode("host0", 0x1D);
                published.incrementAndGet();
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> sub.on(EVENTS).size() >= 20);

            broker.stop();
            long before = published.get();
            long outageEvents = OUTAGE.toMillis() / 50;
            await().atMost(OUTAGE.plusSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> published.get() - before >= outageEvents);
            // The subscriber reconnects first; the publisher stays cut off until it has resubscribed.
            toBroker.setBlocked(true);
            broker.startProcess();
            await().atMost(Duration.ofSeconds(30)).until(() -> sub.subscriptions() >= 2);
            // a subscription acknowledged on a connection that then dropped again proves nothing: wait until a
            // message published now (real mosquitto_pub) reaches the subscriber before letting the publisher in
            int probes = sub.on(PROBE).size();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        probe(broker.port());
                        return sub.on(PROBE).size() > probes;
                    });
            toBroker.setBlocked(false);
            await().atMost(Duration.ofSeconds(30)).until(() -> published.get() - before >= outageEvents + 20);
            feed.cancel();
            long last = fx.history.lastSequence("host0");

            await().atMost(Duration.ofSeconds(30)).until(() -> t.ackedSequence("host0") == last);
            await().atMost(Duration.ofSeconds(30)).until(() -> sequences(sub).size() >= last);
            Set<Long> got = sequences(sub);
            Set<Long> missing = LongStream.rangeClosed(1, last)
                    .boxed()
                    .filter(s -> !got.contains(s))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertTrue(missing.isEmpty(), "missing after the outage: " + missing);
            assertEquals(last, got.size());
            assertTrue(t.connectFailures() >= 1, "the publisher must have failed to reconnect during the outage");
            System.out.println(String.format(
                    java.util.Locale.ROOT,
                    "outage %d s: %d events, %d recorded during the outage, %d event messages sent (resends incl.),"
                            + " %d received (duplicates incl.), %d connect failures",
                    OUTAGE.toSeconds(),
                    last,
                    outageEvents,
                    t.sentEvents(),
                    sub.on(EVENTS).size(),
                    t.connectFailures()));
        }
    }

    private static void probe(int port) throws Exception {
        Process p = new ProcessBuilder(
                        "mosquitto_pub",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-t",
                        PROBE,
                        "-m",
                        "probe",
                        "-q",
                        "1")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static Set<Long> sequences(TestSubscriber sub) {
        return sub.on(EVENTS).stream()
                .map(r -> r.json().get("sequence").asLong())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
