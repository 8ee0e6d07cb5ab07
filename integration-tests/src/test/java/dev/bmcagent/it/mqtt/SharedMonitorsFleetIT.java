package dev.bmcagent.it.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.mqtt.monitor.FleetMonitor;
import dev.bmcagent.mqtt.monitor.MonitorOptions;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue: "three instances against Mosquitto and a 500-host simulated fleet ... together see every event exactly
 * once per group; a monitor that dies mid-stream loses nothing (its share is redelivered)". The agent runs 500
 * hosts, each booting once over its real host interface (LiveSimulation), and publishes through a real Mosquitto;
 * three {@link FleetMonitor}s share group {@code ops}, one more is alone in group {@code audit}. Monitor "b" is
 * connected through a relay that is cut mid-stream (the broker sees the client vanish), then "b" is started again
 * with the same instance id.
 */
class SharedMonitorsFleetIT {
    static final int HOSTS = 500;
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    final SystemScheduler monitorScheduler = new SystemScheduler("monitors");
    final List<AutoCloseable> closing = new ArrayList<>();

    /** What one monitor incarnation handed to its listener: "host#seq" → times. */
    static final class Seen {
        final Map<String, Integer> count = new ConcurrentHashMap<>();
        final AtomicLong total = new AtomicLong();

        void add(String host, long seq) {
            count.merge(host + "#" + seq, 1, Integer::sum);
            total.incrementAndGet();
        }
    }

    @AfterEach
    void stop() {
        for (int i = closing.size() - 1; i >= 0; i--) {
            try {
                closing.get(i).close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        monitorScheduler.close();
    }

    private FleetMonitor monitor(String uri, String group, String id, Seen seen) throws Exception {
        MonitorOptions o = MonitorOptions.of(URI.create(uri), id)
                .withShareGroup(Optional.of(group))
                .withRefresh(Duration.ZERO);
        FleetMonitor m = new FleetMonitor(o, monitorScheduler, QUIET, (host, e) -> {
            // host is the topic path bmc/<site>/<bmc>/<hostId>
            seen.add(
                    host.substring(host.lastIndexOf('/') + 1),
                    e.path("sequence").asLong());
        });
        closing.add(m);
        m.start();
        await().atMost(Duration.ofSeconds(15)).until(m::subscribed);
        return m;
    }

    @Test
    void threeSharedMonitorsSeeEveryEventOfA500HostFleetOnceAndACrashedOneLosesNothing() throws Exception {
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        MosquittoBroker broker = MosquittoBroker.startForFleet(brokerDir);
        closing.add(broker);
        FleetRig rig = new FleetRig(Files.createDirectories(dir.resolve("agent")), HOSTS);
        closing.add(rig);
        CuttableProxy relay = new CuttableProxy(broker.port());
        closing.add(relay);

        Seen a = new Seen();
        Seen b1 = new Seen();
        Seen b2 = new Seen();
        Seen c = new Seen();
        Seen audit = new Seen();
        monitor(broker.uri(), "ops", "a", a);
        FleetMonitor b = monitor(relay.uri(), "ops", "b", b1);
        monitor(broker.uri(), "ops", "c", c);
        monitor(broker.uri(), "audit", "audit", audit);

        rig.publish(URI.create(broker.uri()), Files.createDirectories(dir.resolve("agent-data")));
        await().atMost(Duration.ofSeconds(20)).until(rig.telemetry::connected);
        long t0 = System.nanoTime();
        // 500 power-ons 100 ms (virtual) apart at 20x: the fleet comes up over a few real seconds
        rig.boot(20, Duration.ofMillis(100));

        // mid-stream: b has handled some events, most hosts have not booted yet
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> b1.total.get() >= 100);
        long before = rig.hostsInOs();
        relay.cut();
        b.close(); // not connected any more: no DISCONNECT reaches the broker, the session stays
        long cutAt = a.total.get() + b1.total.get() + c.total.get();

        // the rest of the stream flows to a and c, b's share queues in its session; then b comes back
        await().atMost(Duration.ofSeconds(60))
                .until(() -> a.total.get() + c.total.get() + b1.total.get() >= cutAt + 200);
        // what the broker had acknowledged before b came back: whatever of it reaches b now was held for b's session
        Set<String> atBrokerBeforeRestart = new HashSet<>();
        for (String h : rig.hostIds) {
            for (long s = 1; s <= rig.telemetry.ackedSequence(h); s++) {
                atBrokerBeforeRestart.add(FleetRig.key(h, s));
            }
        }
        monitor(broker.uri(), "ops", "b", b2);

        await().atMost(Duration.ofSeconds(150)).until(() -> rig.hostsInOs() == HOSTS);
        // every event recorded so far is acknowledged by the broker
        await().atMost(Duration.ofSeconds(60)).until(() -> rig.totalAcked() == rig.totalEvents());
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> published = rig.allEvents();
        Set<String> expected = new HashSet<>(published);
        assertEquals(published.size(), expected.size());

        List<Seen> group = List.of(a, b1, b2, c);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> union(group).keySet().containsAll(expected)
                        && audit.count.keySet().containsAll(expected));

        long heldForB = b2.count.keySet().stream()
                .filter(atBrokerBeforeRestart::contains)
                .count();
        Map<String, Integer> ops = union(group);
        Map<String, Integer> duplicates = new TreeMap<>();
        ops.forEach((k, n) -> {
            if (n > 1) {
                duplicates.put(k, n);
            }
        });
        System.out.printf(
                Locale.ROOT,
                "%d hosts, %d events in %.1f s; cut b with %d of %d hosts in OS; "
                        + "group ops: a %d, b before cut %d, b after restart %d (%d of them held while b was away), "
                        + "c %d, duplicates %d; audit %d; telemetry sent %d, dropped %d%n",
                HOSTS,
                published.size(),
                seconds,
                before,
                HOSTS,
                a.total.get(),
                b1.total.get(),
                b2.total.get(),
                heldForB,
                c.total.get(),
                duplicates.size(),
                audit.total.get(),
                rig.telemetry.sentEvents(),
                rig.telemetry.droppedEvents());

        assertTrue(published.size() >= 5L * HOSTS, "a boot is several events per host: " + published.size());
        assertTrue(before < HOSTS, "b was cut mid-stream");
        assertTrue(heldForB > 0, "b's share, published while b was away, was redelivered to b");
        assertEquals(0, rig.telemetry.droppedEvents());
        // nothing the agent did not publish
        assertTrue(expected.containsAll(ops.keySet()));
        // exactly once per group, but for QoS 1 redelivery of what b had not acknowledged when it died: such an
        // event was handed to b before the cut and again to b after its restart, to no one else
        for (String k : duplicates.keySet()) {
            assertTrue(
                    b1.count.containsKey(k)
                            && b2.count.containsKey(k)
                            && !a.count.containsKey(k)
                            && !c.count.containsKey(k),
                    () -> "duplicate not explained by b's redelivery: " + k);
            assertEquals(2, (int) duplicates.get(k), k);
        }
        for (Seen s : group) {
            s.count.forEach((k, n) -> assertEquals(1, (int) n, () -> "twice to one incarnation: " + k));
        }
        // the other group saw everything on its own, once
        assertEquals(expected, audit.count.keySet());
        audit.count.forEach((k, n) -> assertEquals(1, (int) n, k));
        // shared: each live instance of the group got a real share
        assertTrue(
                a.total.get() > published.size() / 10 && c.total.get() > published.size() / 10,
                "a " + a.total.get() + ", c " + c.total.get());
    }

    private static Map<String, Integer> union(List<Seen> seen) {
        Map<String, Integer> all = new TreeMap<>();
        for (Seen s : seen) {
            s.count.forEach((k, n) -> all.merge(k, n, Integer::sum));
        }
        return all;
    }
}
