package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ssl:// to a Mosquitto TLS listener with a self-signed certificate for 127.0.0.1; MQTT 5 and 3.1.1. */
class TlsTelemetryTest {
    @TempDir
    Path dir;

    @Test
    void publishesOverTlsWithATrustStoreAndRefusesAnUntrustedBroker() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path trust = dir.resolve("trust.p12");
        PrivateCa.selfSigned("127.0.0.1", key, cert, "subjectAltName=IP:127.0.0.1");
        PrivateCa.importCert("broker", cert, trust);
        try (MosquittoBroker broker = MosquittoBroker.startTls(dir, cert, key);
                TelemetryFixture fx = new TelemetryFixture("s-tls", List.of("host0"))) {
            String uri = "ssl://127.0.0.1:" + broker.port();
            try (MqttTelemetry untrusted = fx.telemetry(TelemetryFixture.options(uri, dir.resolve("d1")))) {
                untrusted.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> untrusted.connectFailures() >= 2);
                assertEquals("", untrusted.protocol(), "a self-signed broker is not trusted by default");
            }
            try (MqttTelemetry t = fx.telemetry(TelemetryFixture.options(uri, dir.resolve("d2"))
                    .withTls(Optional.of(trust), Optional.of(PrivateCa.STORE_PASSWORD), false))) {
                t.start();
                fx.powerOnToMemoryInit("host0");
                await().atMost(Duration.ofSeconds(10)).until(() -> t.ackedSequence("host0") == 3);
                assertEquals("5", t.protocol());
            }
        }
    }

    /**
     * Each protocol version has its own Paho client and options class ({@link PahoV5Link}, {@link PahoV3Link}): both
     * publish over TLS with the configured trust store, and both check the broker's name, not only its issuer — a
     * certificate the trust store holds but issued for another name is refused.
     */
    @ParameterizedTest
    @EnumSource(
            value = MqttOptions.Version.class,
            names = {"V5", "V3_1_1"})
    void eachVersionPublishesOverTlsAndChecksTheBrokersName(MqttOptions.Version version) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path other = dir.resolve("other.pem");
        Path otherKey = dir.resolve("other-key.pem");
        Path trust = dir.resolve("trust.p12");
        PrivateCa.selfSigned("127.0.0.1", key, cert, "subjectAltName=IP:127.0.0.1");
        PrivateCa.selfSigned("broker.invalid", otherKey, other, "subjectAltName=DNS:broker.invalid");
        PrivateCa.importCert("broker", cert, trust);
        PrivateCa.importCert("other", other, trust);
        Files.createDirectories(dir.resolve("misnamed"));
        Files.createDirectories(dir.resolve("named"));
        String expected = version == MqttOptions.Version.V5 ? "5" : "3.1.1";
        try (TelemetryFixture fx = new TelemetryFixture("s-tls-" + expected, List.of("host0"))) {
            try (MosquittoBroker misnamed = MosquittoBroker.startTls(dir.resolve("misnamed"), other, otherKey);
                    MqttTelemetry t = fx.telemetry(
                            TelemetryFixture.options("ssl://127.0.0.1:" + misnamed.port(), dir.resolve("d1"))
                                    .withVersion(version)
                                    .withTls(Optional.of(trust), Optional.of(PrivateCa.STORE_PASSWORD), false))) {
                t.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> t.connectFailures() >= 2);
                assertEquals("", t.protocol(), "trusted, but issued for broker.invalid, not 127.0.0.1");
            }
            try (MosquittoBroker broker = MosquittoBroker.startTls(dir.resolve("named"), cert, key);
                    MqttTelemetry t =
                            fx.telemetry(TelemetryFixture.options("ssl://127.0.0.1:" + broker.port(), dir.resolve("d2"))
                                    .withVersion(version)
                                    .withTls(Optional.of(trust), Optional.of(PrivateCa.STORE_PASSWORD), false))) {
                t.start();
                fx.powerOnToMemoryInit("host0");
                await().atMost(Duration.ofSeconds(10)).until(() -> t.ackedSequence("host0") == 3);
                assertEquals(expected, t.protocol());
            }
        }
    }
}
