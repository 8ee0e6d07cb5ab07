package dev.bmcagent.mqtt.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded broker against the real Mosquitto clients (mosquitto_sub / mosquitto_pub), MQTT 3.1.1 and 5. */
class EmbeddedBrokerTest {
    private EmbeddedBroker broker;
    private MosquittoClients clients;

    @BeforeEach
    void start() throws InterruptedException {
        broker = new EmbeddedBroker(BrokerOptions.defaults().withPort(0));
        int port = broker.start().getPort();
        clients = new MosquittoClients(port);
    }

    @AfterEach
    void stop() {
        clients.close();
        broker.close();
    }

    /** Publishes to ready/probe until every subscriber has printed it (they subscribe to ready/# too). */
    private void awaitSubscribed(MosquittoClients.Subscriber... subs) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    clients.publish("-t", "ready/probe", "-m", "ready");
                    for (MosquittoClients.Subscriber s : subs) {
                        if (s.lines().stream().noneMatch(l -> l.contains("ready"))) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    @Test
    void retainedStateReachesALateSubscriberAndAnEmptyRetainedMessageClearsIt() throws Exception {
        assertEquals(
                0, clients.publish("-r", "-q", "1", "-t", "bmc/site/bmc0/host0/state", "-m", "{\"power\":\"On\"}"));
        var late = clients.subscribe("-t", "bmc/#", "-v", "-C", "1", "-W", "10");
        assertTrue(late.process().waitFor(10, TimeUnit.SECONDS));
        // the reader thread may still be handing over the last line after the process exits
        await().atMost(Duration.ofSeconds(5)).until(() -> !late.lines().isEmpty());
        assertEquals(List.of("bmc/site/bmc0/host0/state {\"power\":\"On\"}"), List.copyOf(late.lines()));

        assertEquals(0, clients.publish("-r", "-t", "bmc/site/bmc0/host0/state", "-n")); // -n: zero-length payload
        var after = clients.subscribe("-t", "bmc/#", "-t", "ready/#", "-v");
        awaitSubscribed(after);
        assertTrue(after.lines().stream().noneMatch(l -> l.startsWith("bmc/")), "cleared retained message was sent");
        assertEquals(0, broker.stats().retained());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void qos1MessagesArriveInOrder(String protocol) throws Exception {
        var sub = clients.subscribe("-V", protocol, "-q", "1", "-t", "events/#", "-t", "ready/#", "-v");
        awaitSubscribed(sub);
        for (int i = 0; i < 20; i++) {
            assertEquals(0, clients.publish("-V", protocol, "-q", "1", "-t", "events/host0", "-m", "seq " + i));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sub.lines().stream()
                                .filter(l -> l.startsWith("events/"))
                                .count()
                        == 20);
        List<String> got =
                sub.lines().stream().filter(l -> l.startsWith("events/")).toList();
        for (int i = 0; i < 20; i++) {
            assertEquals("events/host0 seq " + i, got.get(i));
        }
    }

    @Test
    void sharedSubscriptionSplitsTheStreamExactlyOncePerGroup() throws Exception {
        List<MosquittoClients.Subscriber> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(clients.subscribe(
                    "-V", "mqttv5", "-q", "1", "-t", "$share/monitors/fleet/#", "-t", "ready/#", "-v"));
        }
        var plain = clients.subscribe("-V", "mqttv5", "-q", "1", "-t", "fleet/#", "-t", "ready/#", "-v");
        awaitSubscribed(members.get(0), members.get(1), members.get(2), plain);
        for (int i = 0; i < 30; i++) {
            assertEquals(0, clients.publish("-V", "mqttv5", "-q", "1", "-t", "fleet/host" + i, "-m", "e" + i));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fleetLines(plain).size() == 30
                        && members.stream().mapToInt(m -> fleetLines(m).size()).sum() == 30);
        Set<String> union = new HashSet<>();
        for (var m : members) {
            List<String> got = fleetLines(m);
            assertEquals(10, got.size(), "round-robin share of one member");
            union.addAll(got);
        }
        assertEquals(30, union.size(), "every message exactly once across the group");
    }

    private static List<String> fleetLines(MosquittoClients.Subscriber s) {
        return s.lines().stream().filter(l -> l.startsWith("fleet/")).toList();
    }

    @Test
    void lastWillIsPublishedWhenAClientDiesWithoutDisconnecting() throws Exception {
        var watcher = clients.subscribe("-t", "bmc/site/bmc0/status", "-t", "ready/#", "-v");
        awaitSubscribed(watcher);
        var dying = clients.subscribe(
                "-t",
                "nothing",
                "--will-topic",
                "bmc/site/bmc0/status",
                "--will-payload",
                "offline",
                "--will-retain",
                "-k",
                "60");
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.stats().onlineSessions() == 2);
        dying.process().destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lines().contains("bmc/site/bmc0/status offline"));
        assertEquals(1, broker.stats().retained(), "will was retained");
    }

    @Test
    void garbageOnTheSocketClosesThatConnectionOnly() throws Exception {
        var sub = clients.subscribe("-t", "t/#", "-t", "ready/#", "-v");
        awaitSubscribed(sub);
        Random random = new Random(0x1234);
        for (int i = 0; i < 50; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), clients.port())) {
                byte[] junk = new byte[1 + random.nextInt(512)];
                random.nextBytes(junk);
                OutputStream out = s.getOutputStream();
                out.write(junk);
                out.flush();
            } catch (IOException closedByBroker) {
                // expected for many inputs
            }
        }
        assertEquals(0, clients.publish("-t", "t/after", "-m", "still-serving"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sub.lines().contains("t/after still-serving"));
    }
}
