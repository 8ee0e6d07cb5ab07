package dev.bmcagent.it.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.mqtt.broker.BrokerOptions;
import dev.bmcagent.mqtt.broker.EmbeddedBroker;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput: a 2,000-host fleet boots at once (every host over its own host-interface link, 100x time scale) and
 * the agent publishes every event through one broker with QoS 1. Sampled every 100 ms: events produced (the
 * history), events acknowledged by the broker ({@code ackedSequence} per host) and the backlog between them. The
 * figures are printed (docs/BENCHMARKS.md "MQTT", docs/BENCHMARKS-ARCHIVE.md "MQTT fleet throughput"); the test
 * asserts only what must hold on any
 * machine: every event acknowledged, none dropped, the backlog drained, well under the backlog bound.
 */
class FleetThroughputIT {
    static final int HOSTS = 2_000;

    @TempDir
    Path dir;

    FleetRig rig;
    MosquittoBroker mosquitto;
    EmbeddedBroker embedded;
    final SystemScheduler sampler = new SystemScheduler("throughput-sampler");

    @AfterEach
    void stop() {
        sampler.close();
        if (rig != null) {
            rig.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void twoThousandHostsBootingThroughMosquitto() throws Exception {
        mosquitto = MosquittoBroker.startForFleet(Files.createDirectories(dir.resolve("broker")));
        run("mosquitto " + mosquittoVersion(), URI.create(mosquitto.uri()));
    }

    @Test
    void twoThousandHostsBootingThroughTheEmbeddedBroker() throws Exception {
        embedded = new EmbeddedBroker(BrokerOptions.defaults().withPort(0));
        InetSocketAddress a = embedded.start();
        run("embedded broker", URI.create("tcp://127.0.0.1:" + a.getPort()));
    }

    private void run(String broker, URI uri) throws Exception {
        rig = new FleetRig(Files.createDirectories(dir.resolve("agent")), HOSTS);
        rig.publish(uri, Files.createDirectories(dir.resolve("agent-data")));
        await().atMost(Duration.ofSeconds(20)).until(rig.telemetry::connected);

        AtomicLong maxBacklog = new AtomicLong();
        AtomicLong lastProduced = new AtomicLong();
        AtomicLong lastProducedAt = new AtomicLong();
        AtomicLong backlogAtLastProduced = new AtomicLong();
        Scheduler.Cancellable sampling =
                sampler.scheduleAtFixedRate(Duration.ofMillis(100), Duration.ofMillis(100), () -> {
                    long produced = rig.totalEvents();
                    long acked = rig.totalAcked();
                    maxBacklog.accumulateAndGet(produced - acked, Math::max);
                    if (produced != lastProduced.get()) {
                        lastProduced.set(produced);
                        lastProducedAt.set(System.nanoTime());
                        backlogAtLastProduced.set(produced - acked);
                    }
                });
        long t0 = System.nanoTime();
        rig.boot(100, Duration.ZERO);
        await().atMost(Duration.ofMinutes(4)).until(() -> rig.hostsInOs() == HOSTS);
        await().atMost(Duration.ofSeconds(60)).until(() -> rig.totalAcked() == rig.totalEvents());
        long drained = System.nanoTime();
        sampling.cancel();

        long events = rig.totalEvents();
        double producing = (lastProducedAt.get() - t0) / 1e9;
        double total = (drained - t0) / 1e9;
        // the publisher alone: how fast the backlog left when the fleet stopped producing
        double tail = Math.max(1e-3, (drained - lastProducedAt.get()) / 1e9);
        String figure = String.format(
                Locale.ROOT,
                "MQTT fleet throughput (%s): %d hosts, %d events produced in "
                        + "%.1f s (%.0f events/s), all acknowledged after %.1f s (%.0f events/s); max backlog %d "
                        + "events; backlog %d drained in %.2f s after the last event (%.0f events/s); "
                        + "sent %d (resends included), dropped %d, connect failures %d",
                broker,
                HOSTS,
                events,
                producing,
                events / producing,
                total,
                events / total,
                maxBacklog.get(),
                backlogAtLastProduced.get(),
                tail,
                backlogAtLastProduced.get() / tail,
                rig.telemetry.sentEvents(),
                rig.telemetry.droppedEvents(),
                rig.telemetry.connectFailures());
        System.out.println(figure);

        assertTrue(events >= 5L * HOSTS, "a boot is several events per host: " + events);
        assertEquals(0, rig.telemetry.droppedEvents());
        // resends happen only after a lost connection (a stall on an overloaded machine); each event is sent once
        // at least
        assertTrue(rig.telemetry.sentEvents() >= events, "sent " + rig.telemetry.sentEvents());
        assertTrue(maxBacklog.get() < (long) HOSTS * 10_000, "never near the per-host backlog bound");
    }

    private static String mosquittoVersion() throws Exception {
        Process p =
                new ProcessBuilder("mosquitto", "-h").redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("");
        p.waitFor();
        return first.replace("mosquitto version ", "");
    }
}
