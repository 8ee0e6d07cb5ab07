package dev.bmcagent.it.hostile;

import static org.awaitility.Awaitility.await;

import dev.bmcagent.agent.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real agent as its own JVM ({@code bmc demo}: agent, embedded MQTT broker, simulated host), on free loopback
 * ports, stdout and stderr (the log) in files, so a test can count the bytes it logs and flood it without sharing
 * its file-descriptor table.
 */
final class AgentProcess implements AutoCloseable {
    static final String ADMIN_PASSWORD = "Hostile-Pw-1";

    final int ipmiPort = FreePorts.udp();
    final int redfishPort = FreePorts.tcp();
    final int mqttPort = FreePorts.tcp();
    final int hostPort = FreePorts.tcp();
    final Path out;
    final Path err;
    private final Process process;

    AgentProcess(Path dir, String... extraArgs) throws IOException {
        out = dir.resolve("agent.out");
        err = dir.resolve("agent.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.bmcagent.app.cli.Main",
                "demo",
                "--data-dir",
                dir.resolve("data").toString(),
                "--admin-password",
                ADMIN_PASSWORD,
                "--ipmi-port",
                Integer.toString(ipmiPort),
                "--redfish-port",
                Integer.toString(redfishPort),
                "--mqtt-port",
                Integer.toString(mqttPort),
                "--host-port",
                Integer.toString(hostPort)));
        cmd.addAll(List.of(extraArgs));
        process = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !process.isAlive() || read(out).contains("Running."));
        if (!process.isAlive()) {
            throw new IllegalStateException("agent exited " + process.exitValue() + ":\n" + read(err));
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    long logBytes() {
        try {
            return Files.size(err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        return read(err);
    }

    static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
