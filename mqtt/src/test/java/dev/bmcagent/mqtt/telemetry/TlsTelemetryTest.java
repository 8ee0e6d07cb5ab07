package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString());
        run(
                "keytool",
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                cert.toString(),
                "-keystore",
                trust.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit");
        try (MosquittoBroker broker = MosquittoBroker.startTls(dir, cert, key);
                TelemetryFixture fx = new TelemetryFixture("s-tls", List.of("host0"))) {
            String uri = "ssl://127.0.0.1:" + broker.port();
            try (MqttTelemetry untrusted = fx.telemetry(TelemetryFixture.options(uri, dir.resolve("d1")))) {
                untrusted.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> untrusted.connectFailures() >= 2);
                assertEquals("", untrusted.protocol(), "a self-signed broker is not trusted by default");
            }
            try (MqttTelemetry t = fx.telemetry(TelemetryFixture.options(uri, dir.resolve("d2"))
                    .withTls(Optional.of(trust), Optional.of("changeit"), false))) {
                t.start();
                fx.powerOnToMemoryInit("host0");
                await().atMost(Duration.ofSeconds(10)).until(() -> t.ackedSequence("host0") == 3);
                assertEquals("5", t.protocol());
            }
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }
}
