package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssl:// to a Mosquitto TLS listener with a self-signed certificate for 127.0.0.1. */
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
}
