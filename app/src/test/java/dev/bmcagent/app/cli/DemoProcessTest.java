package dev.bmcagent.app.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process: {@code bmc demo} starts, prints its commands, and a signal stops it cleanly. */
class DemoProcessTest {
    @TempDir
    Path dir;

    @Test
    void demoStartsAndStopsCleanlyOnSigterm() throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "demo",
                "--data-dir",
                dir.resolve("data").toString()));
        cmd.addAll(dev.bmcagent.agent.FreePorts.args());
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> read(out).contains("Running. Press Ctrl-C to stop."));
            assertTrue(read(out).contains("mosquitto_sub"), read(out));
            p.destroy(); // SIGTERM: same shutdown hook as Ctrl-C (SIGINT)
            assertEquals(143, p.waitFor(), "exit status of a JVM stopped by SIGTERM");
            assertTrue(read(err).contains("AgentAssembly - agent stopped"), read(err));
        } finally {
            p.destroyForcibly();
        }
        // stores were closed: the journals can be opened again at once (their file locks were released)
        try (var stores = dev.bmcagent.journal.Stores.onDisk(
                dir.resolve("data"),
                100,
                dev.bmcagent.journal.JournalOptions.processCrashSafe(),
                new java.security.SecureRandom())) {
            assertTrue(stores.accounts().find("admin").isPresent());
        }
    }

    private static String read(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f) : "";
    }
}
