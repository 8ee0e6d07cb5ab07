package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.SystemScheduler;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reboot-permit client against a real Mosquitto TLS listener whose certificate a private CA signed: with the
 * telemetry options ({@link MqttRebootPermits#withLogin}, the CA in the trust store) it connects and its publishes
 * arrive; with the JDK's trust, or a trust store of another CA, the handshake fails and it never connects; nor with
 * the right trust store when the URL's host name is not the certificate's (host name verification is on).
 */
class TlsRebootPermitsTest {
    @TempDir
    Path dir;

    @Test
    void connectsWithTheTelemetryTrustStoreAndNotWithout() throws Exception {
        PrivateCa ca = PrivateCa.create(Files.createDirectories(dir.resolve("pki")));
        try (MosquittoBroker broker = MosquittoBroker.startTls(
                        Files.createDirectories(dir.resolve("broker")), ca.serverPem(), ca.serverKey());
                SystemScheduler scheduler = new SystemScheduler("tls-permits-test")) {
            String uri = "ssl://127.0.0.1:" + broker.port();
            MqttOptions telemetry = MqttOptions.of(URI.create(uri), "s1", "bmc1", dir)
                    .withTls(Optional.of(ca.trustStore()), Optional.of(PrivateCa.STORE_PASSWORD), false);
            MqttOptions otherCa =
                    telemetry.withTls(Optional.of(ca.otherTrustStore()), Optional.of(PrivateCa.STORE_PASSWORD), false);
            try (MqttRebootPermits jdkTrust = permits(uri, "jdk", scheduler);
                    MqttRebootPermits untrusted =
                            permits(uri, "other", scheduler).withLogin(otherCa);
                    MqttRebootPermits trusted = permits(uri, "ours", scheduler).withLogin(telemetry)) {
                jdkTrust.start();
                untrusted.start();
                trusted.start();
                await().atMost(Duration.ofSeconds(15)).until(trusted::connected);
                assertTrue(trusted.publish("bmc/rollout/request/rack1/host0", new byte[] {'{', '}'}));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> broker.log().contains("Received PUBLISH from permits-ours"));
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> !jdkTrust.connected() && !untrusted.connected());
                assertFalse(
                        broker.log().contains("New client connected from 127.0.0.1:")
                                && broker.log().contains(" as permits-jdk"),
                        broker.log());
                assertFalse(broker.log().contains(" as permits-other"), broker.log());
            }
            // the same trust store, but the URL names "localhost" and the certificate only IP 127.0.0.1: the TCP
            // connection reaches the broker, the host name check refuses it, no CONNECT ever arrives
            String byName = "ssl://localhost:" + broker.port();
            int before = broker.log().length();
            try (MqttRebootPermits wrongName = permits(byName, "by-name", scheduler)
                    .withLogin(MqttOptions.of(URI.create(byName), "s1", "bmc1", dir)
                            .withTls(Optional.of(ca.trustStore()), Optional.of(PrivateCa.STORE_PASSWORD), false))) {
                wrongName.start();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> broker.log().substring(before).contains("New connection from 127.0.0.1"));
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> !wrongName.connected());
                assertFalse(broker.log().contains(" as permits-by-name"), broker.log());
            }
            assertThrows(
                    IllegalArgumentException.class,
                    () -> permits(uri, "x", scheduler)
                            .withLogin(MqttOptions.of(URI.create("ssl://127.0.0.1:1"), "s1", "bmc1", dir)),
                    "the login of another broker");
        }
    }

    private static MqttRebootPermits permits(String uri, String id, SystemScheduler scheduler) {
        return new MqttRebootPermits(uri, "permits-" + id, h -> "rack1", scheduler, Duration.ofSeconds(1));
    }
}
