package dev.bmcagent.mqtt.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Mosquitto command-line clients (Debian package mosquitto-clients) against a port on 127.0.0.1;
 * {@link #close()} ends every client still running. Shared by the broker, agent and integration tests (test-jar).
 */
public final class MosquittoClients implements AutoCloseable {
    private final int port;
    private final List<Process> processes = new ArrayList<>();

    public int port() {
        return port;
    }

    public MosquittoClients(int port) {
        this.port = port;
    }

    /** A running mosquitto_sub whose stdout lines are collected. */
    public record Subscriber(Process process, Queue<String> lines) {}

    /** Starts {@code mosquitto_sub -h 127.0.0.1 -p PORT} with {@code extraArgs}; its lines are collected. */
    public Subscriber subscribe(String... extraArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        processes.add(p);
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            lines.add(line);
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                },
                "mosquitto_sub-reader");
        reader.setDaemon(true);
        reader.start();
        return new Subscriber(p, lines);
    }

    /** Runs mosquitto_pub to completion and returns its exit code. */
    public int publish(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
