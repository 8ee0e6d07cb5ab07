package dev.bmcagent.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.config.AgentConfigLoader;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.mqtt.broker.MosquittoClients;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import dev.bmcagent.mqtt.telemetry.PrivateCa;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent configured from YAML ({@code mqtt.username}, {@code mqtt.password}, {@code mqtt.trustStore}) publishes
 * to a real Mosquitto with a TLS listener whose certificate is signed by a CA generated here, and which refuses
 * anonymous clients; a wrong password or a trust store without that CA gets nothing through (issue 11 item 4).
 */
class ExternalBrokerConfigTest {
    private static final String USER = "agent7";
    private static final String PASSWORD = "Broker-Pw-7";

    @TempDir
    static Path pki;

    @TempDir
    Path dir;

    private final List<MosquittoClients> clients = new ArrayList<>();
    private final SystemScheduler scheduler = new SystemScheduler("external-broker-test");

    private static PrivateCa ca;

    @BeforeAll
    static void makeCaAndServerCertificate() throws Exception {
        ca = PrivateCa.create(pki);
    }

    @AfterEach
    void stopClients() {
        clients.forEach(MosquittoClients::close);
        scheduler.close();
    }

    @Test
    void publishesOverTlsWithTheConfiguredLoginAndTrustStore() throws Exception {
        try (MosquittoBroker broker =
                MosquittoBroker.startTlsWithLogin(dir, ca.serverPem(), ca.serverKey(), USER, PASSWORD)) {
            Queue<String> sub = subscribe(broker);
            try (AgentAssembly a = start(broker, PASSWORD, ca.trustStore())) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> sub.stream()
                                .anyMatch(l -> l.startsWith("bmc/local/bmc0/status ") && l.contains("\"online\"")));
            }
        }
    }

    @Test
    void aWrongPasswordOrAnUnknownCaGetsNothingThrough() throws Exception {
        try (MosquittoBroker broker =
                MosquittoBroker.startTlsWithLogin(dir, ca.serverPem(), ca.serverKey(), USER, PASSWORD)) {
            Queue<String> sub = subscribe(broker);
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.log().contains("u'" + USER + "'"));
            try (AgentAssembly wrong = start(broker, "not-the-password", ca.trustStore());
                    AgentAssembly untrusted = start(broker, PASSWORD, ca.otherTrustStore())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> broker.log().contains("not authorised"));
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> sub.stream().noneMatch(l -> l.startsWith("bmc/")));
            }
            assertFalse(sub.stream().anyMatch(l -> l.startsWith("bmc/")), String.join("\n", sub));
        }
    }

    private AgentAssembly start(MosquittoBroker broker, String password, Path trustStore) throws IOException {
        Path data = java.nio.file.Files.createTempDirectory(dir, "agent");
        PartialConfig yaml = new AgentConfigLoader()
                .parse(String.join(
                        "\n",
                        "store: memory",
                        "mqtt:",
                        "  brokerUrl: ssl://127.0.0.1:" + broker.port(),
                        "  username: " + USER,
                        "  password: " + password,
                        "  trustStore: " + trustStore,
                        "  trustStorePassword: changeit",
                        ""));
        return AgentAssembly.start(yaml.overriddenBy(FreePorts.partial()).resolve(data), scheduler, new SecureRandom());
    }

    /** A real mosquitto_sub over TLS (--cafile with the generated CA) logged in as the same user. */
    private Queue<String> subscribe(MosquittoBroker broker) throws IOException {
        MosquittoClients c = new MosquittoClients(broker.port());
        clients.add(c);
        MosquittoClients.Subscriber sub = c.subscribe(
                "--cafile", ca.caPem().toString(), "-u", USER, "-P", PASSWORD, "-i", "test-sub", "-t", "bmc/#", "-v");
        assertTrue(sub.process().isAlive(), "mosquitto_sub started");
        return sub.lines();
    }
}
