package dev.bmcagent.it.rollout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.AgentConfigLoader;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.mqtt.broker.MosquittoClients;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import dev.bmcagent.mqtt.telemetry.PrivateCa;
import dev.bmcagent.rollout.mqtt.MqttPermitCoordinator;
import dev.bmcagent.rollout.permit.PermitPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reboot permits over TLS with a private CA: the agent's telemetry broker is a real Mosquitto on {@code ssl://}
 * whose certificate is signed by a CA generated here, given to the agent only as {@code mqtt.trustStore}; with
 * {@code rollout.permits: mqtt} and no {@code rollout.brokerUrl} the permit client shares that broker, so it must
 * trust the same CA. The coordinator ({@link MqttPermitCoordinator}, which speaks plain {@code tcp://} only) and a
 * real {@code mosquitto_sub} use a second, plain 127.0.0.1 listener of the same broker. The host reports a boot order
 * that differs from the configured {@code bootOrder}: the agent's re-apply reboot asks for a permit over
 * {@code ssl://}, the coordinator grants it, and only then does the host's power port see the reset.
 */
class PermitOverTlsIT {
    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("permit-tls-it");
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        scheduler.close();
    }

    @Test
    void theAgentGetsAPermitFromACoordinatorOnItsTlsTelemetryBroker() throws Exception {
        PrivateCa ca = PrivateCa.create(Files.createDirectories(dir.resolve("pki")));
        MosquittoBroker broker = MosquittoBroker.startTlsAndPlain(
                Files.createDirectories(dir.resolve("broker")), ca.serverPem(), ca.serverKey());
        closing.add(broker);
        String plain = "tcp://127.0.0.1:" + broker.plainPort();
        Queue<String> sub = subscribe(broker.plainPort());

        MqttPermitCoordinator coordinator = new MqttPermitCoordinator(
                plain, "c1", new PermitPolicy(4, 50.0, 8, Duration.ofHours(1)), scheduler.clock());
        closing.add(coordinator);
        coordinator.start();

        List<PowerAction> performed = new CopyOnWriteArrayList<>();
        AgentAssembly agent = AgentAssembly.start(
                new AgentConfigLoader()
                        .parse(String.join(
                                "\n",
                                "store: memory",
                                "hosts: 1",
                                "bootOrder: ['.*HTTPS IPv6.*']",
                                "mqtt:",
                                "  brokerUrl: ssl://127.0.0.1:" + broker.port(),
                                "  trustStore: " + ca.trustStore(),
                                "  trustStorePassword: " + PrivateCa.STORE_PASSWORD,
                                "rollout:",
                                "  permits: mqtt",
                                "  group: rack7",
                                "  answerDeadline: 2m",
                                "  onUnreachable: hold",
                                "  retry: 1s",
                                ""))
                        .overriddenBy(FreePorts.partial())
                        .resolve(Files.createDirectories(dir.resolve("agent"))),
                scheduler,
                new SecureRandom(),
                new AgentAssembly.Surroundings(
                        i -> new HostHardware(
                                List.of(),
                                sensor -> {
                                    throw new IllegalStateException("no sensors: " + sensor.name());
                                },
                                (zone, percent) -> {},
                                Optional.of(performed::add)),
                        accounts -> {
                            throw new IllegalStateException("mqtt.brokerUrl is set: no embedded broker");
                        }));
        closing.add(agent);
        // telemetry over ssl:// works with the trust store (it did before the permit client did)
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sub.stream().anyMatch(l -> l.startsWith("bmc/local/bmc0/status ")));

        // the host powers on and reports an order whose first entry is not what bootOrder declares: re-apply + reboot
        agent.runtime().node(0).submit(new LifecycleInput.PowerGood(true));
        agent.runtime()
                .node(0)
                .submit(new LifecycleInput.BootOrderReported(
                        List.of("UEFI PXE IPv4 (NIC 0)", "UEFI HTTPS IPv6 (NIC 0)")));

        await().atMost(Duration.ofSeconds(30)).until(() -> !performed.isEmpty());
        List<String> rollout =
                sub.stream().filter(l -> l.startsWith("bmc/rollout/")).toList();
        System.out.println("mosquitto_sub -t 'bmc/rollout/#' -v (plain listener):\n" + String.join("\n", rollout));
        assertEquals(1, performed.size(), performed.toString());
        assertTrue(
                rollout.stream().anyMatch(l -> l.startsWith("bmc/rollout/request/rack7/host0 ")), rollout.toString());
        assertTrue(
                rollout.stream().anyMatch(l -> l.startsWith("bmc/rollout/grant/host0 ") && l.contains("\"c1\"")),
                rollout.toString());
        assertEquals(1, coordinator.held(), "the coordinator holds host0's permit");
    }

    /** A real mosquitto_sub on the plain listener: what the agent's permit client published over ssl://. */
    private Queue<String> subscribe(int port) throws IOException {
        MosquittoClients clients = new MosquittoClients(port);
        closing.add(clients);
        MosquittoClients.Subscriber sub = clients.subscribe(
                "-V", "mqttv5", "-i", "test-sub", "-t", "bmc/rollout/#", "-t", "bmc/local/bmc0/status", "-v");
        assertTrue(sub.process().isAlive(), "mosquitto_sub started");
        return sub.lines();
    }
}
