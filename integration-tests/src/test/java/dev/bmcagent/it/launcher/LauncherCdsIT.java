package dev.bmcagent.it.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code BMC_CDS=1 ./bmc agent} (README "JVM options of ./bmc agent"): the first start leaves an AppCDS archive
 * when it exits on SIGTERM, the next start maps it, and a truncated archive (which makes the JVM abort when mapped)
 * is made again instead of breaking the start.
 */
class LauncherCdsIT {
    private static final Path ROOT = repositoryRoot();

    @Test
    void firstStartArchivesTheNextMapsItAndATruncatedArchiveIsMadeAgain(@TempDir Path dir) throws Exception {
        Path appTarget = ROOT.resolve("app/target");
        try (Stream<Path> jars = Files.list(appTarget)) {
            assertTrue(
                    jars.anyMatch(p -> p.getFileName().toString().matches("app-.*(?<!-tests|-sources)\\.jar")),
                    "the app jar is built before integration-tests (mvn verify)");
        }
        Path archive = dir.resolve("agent.jsa");
        Path size = dir.resolve("agent.jsa.size");

        run(dir, archive, "first", false);
        assertTrue(Files.isRegularFile(archive), "archive written after SIGTERM");
        assertEquals(String.valueOf(Files.size(archive)), Files.readString(size).trim());

        run(dir, archive, "second", true);

        try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
            f.setLength(Files.size(archive) / 2);
        } catch (IOException e) {
            archive.toFile().setWritable(true);
            try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
                f.setLength(Files.size(archive) / 2);
            }
        }
        Files.setLastModifiedTime(
                archive,
                FileTime.from(Files.getLastModifiedTime(archive).toInstant().plusSeconds(60)));
        run(dir, archive, "truncated", false); // newer than the build, but not its recorded size
        assertEquals(String.valueOf(Files.size(archive)), Files.readString(size).trim(), "made again");
    }

    /** Starts the agent, waits until its runtime is up (and, if {@code mapped}, that the JVM mapped the archive). */
    private static void run(Path dir, Path archive, String name, boolean mapped) throws Exception {
        Path log = dir.resolve(name + ".log");
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
                        "Cds-Test-Secret1",
                        "--ipmi-port",
                        String.valueOf(freeUdpPort()),
                        "--redfish-port",
                        String.valueOf(freeTcpPort()),
                        "--host-port",
                        String.valueOf(freeTcpPort())))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("BMC_NO_BUILD", "1");
        env.put("BMC_CDS", "1");
        env.put("BMC_CDS_ARCHIVE", archive.toString());
        Process p = pb.start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !p.isAlive()
                            || Files.readString(log, StandardCharsets.UTF_8).contains("runtime started"));
            assertTrue(p.isAlive(), name + " start failed: " + Files.readString(log, StandardCharsets.UTF_8));
            if (mapped) {
                // the launcher exec'd java: its pid maps the archive
                String maps = Files.readString(Path.of("/proc/" + p.pid() + "/maps"));
                assertTrue(maps.contains(archive.toString()), name + ": archive not mapped");
            }
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not stop");
            assertEquals(143, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
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
