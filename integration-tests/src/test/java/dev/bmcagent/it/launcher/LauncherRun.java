package dev.bmcagent.it.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One run of the real launcher, {@code ./bmc agent} with the shipped JVM options, for the launcher ITs. */
final class LauncherRun {
    static final Path ROOT = repositoryRoot();

    private LauncherRun() {}

    /** A running agent: the JVM's pid (the launcher exec'd java) and its Redfish (HTTPS) port on 127.0.0.1. */
    record Up(long pid, int redfishPort) {}

    /**
     * Starts {@code ./bmc agent} (1 host, DISK store, data in {@code dir/data}, log in {@code dir/NAME.log}) with
     * {@code env} added, waits until the log has {@code ready}, gives {@code whileUp} the running agent, then stops
     * it with SIGTERM and checks the exit status 143; returns the log.
     */
    static String run(Path dir, String name, Map<String, String> env, String ready, Consumer<Up> whileUp)
            throws Exception {
        Path log = dir.resolve(name + ".log");
        int redfishPort = freeTcpPort();
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, "hosts: 1\nstore: DISK\n");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        ROOT.resolve("bmc").toString(),
                        "agent",
                        "--config",
                        config.toString(),
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--admin-password",
                        "Launcher-Secret1",
                        "--ipmi-port",
                        String.valueOf(freeUdpPort()),
                        "--redfish-port",
                        String.valueOf(redfishPort),
                        "--host-port",
                        String.valueOf(freeTcpPort())))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("BMC_NO_BUILD", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !p.isAlive()
                            || Files.readString(log, StandardCharsets.UTF_8).contains(ready));
            assertTrue(p.isAlive(), name + " start failed: " + Files.readString(log, StandardCharsets.UTF_8));
            whileUp.accept(new Up(p.pid(), redfishPort)); // the launcher exec'd java: its pid is the JVM's
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not stop");
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(143, p.exitValue(), out);
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("bmc")) && Files.isRegularFile(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException(
                    "no repository root above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
