package dev.bmcagent.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@code bmc agent --config FILE} as a child JVM on the test's classpath, the way the ITs run the daemon. */
public final class AgentJvm {
    private AgentJvm() {}

    /**
     * Starts the agent with {@code config}, its output appended to {@code dir/agent.log}, and returns once
     * {@code readyPort} (TCP on 127.0.0.1) accepts connections; fails with the log if the agent exits first.
     */
    public static Process start(Path config, Path dir, int readyPort) throws IOException {
        Path log = dir.resolve("agent.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.bmcagent.app.cli.Main",
                        "agent",
                        "--config",
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!p.isAlive()) {
                        throw new AssertionError("agent exited: " + Files.readString(log));
                    }
                    return accepts(readyPort);
                });
        return p;
    }

    /** Whether a TCP connection to {@code port} on the loopback address succeeds within 200 ms. */
    public static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
