package dev.bmcagent.it.redfish;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./bmc agent --tls-engine jdk} (key redfish.tlsEngine) serves Redfish on the JDK's SSLEngine — the fallback
 * for BMCs without a netty-tcnative build (32-bit ARM) — and the default serves on OpenSSL; a real curl client gets
 * TLS 1.3 and 1.2 with AES-GCM from both.
 */
class JdkTlsFallbackIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"jdk, JDK SSLEngine (configured)", "openssl, OpenSSL"})
    void agentServesHttpsOnTheChosenEngine(String engine, String logged) throws Exception {
        int redfish = FreePorts.tcp();
        Path config = Files.writeString(dir.resolve("agent.yaml"), "hosts: 1\nstore: MEMORY\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.bmcagent.app.cli.Main",
                "agent",
                "--config",
                config.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--admin-password",
                "Tls-Pw-1",
                "--redfish-port",
                Integer.toString(redfish),
                "--ipmi-port",
                Integer.toString(FreePorts.udp()),
                "--host-port",
                Integer.toString(FreePorts.tcp()),
                "--tls-engine",
                engine));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process agent = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !agent.isAlive() || read(out).contains("Running."));
            assertTrue(agent.isAlive(), read(err));
            assertTrue(read(err).contains("Redfish TLS engine: " + logged), read(err));
            String url = "https://127.0.0.1:" + redfish + "/redfish/v1/Systems/host0";
            String v13 = curl("curl", "-skv", "--http1.1", "--max-time", "20", "-u", "admin:Tls-Pw-1", url);
            assertTrue(v13.contains("SSL connection using TLSv1.3 / TLS_AES_"), v13);
            assertTrue(v13.contains("< HTTP/1.1 200") && v13.contains("\"Id\":\"host0\""), v13);
            String v12 = curl(
                    "curl", "-skv", "--http1.1", "--max-time", "20", "--tls-max", "1.2", "-u", "admin:Tls-Pw-1", url);
            assertTrue(v12.contains("SSL connection using TLSv1.2 / ECDHE-") && v12.contains("GCM"), v12);
            assertTrue(v12.contains("< HTTP/1.1 200"), v12);
        } finally {
            agent.destroy();
            agent.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String curl(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return text;
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
