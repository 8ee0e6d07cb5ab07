package dev.bmcagent.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bmc agent} (docs/CONFIGURATION.md "JVM options of ./bmc agent"): the first start leaves an AppCDS archive
 * when it exits on SIGTERM, the next start maps it, an archive older than the JVM options file is made again, and a
 * truncated archive (which makes the JVM abort when mapped) is made again instead of breaking the start; and
 * {@code ./bmc prepare-cds} (the install step) makes an archive from bmc.classlist that the very first start maps.
 */
class LauncherCdsIT {
    private static final Path ROOT = LauncherRun.ROOT;

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
        Path options = dir.resolve("bmc.jvm.options"); // the shipped options, in a file this test may touch
        Files.copy(ROOT.resolve("bmc.jvm.options"), options);

        run(dir, archive, options, "first", false);
        assertTrue(Files.isRegularFile(archive), "archive written after SIGTERM");
        assertEquals(String.valueOf(Files.size(archive)), Files.readString(size).trim());

        run(dir, archive, options, "second", true);

        FileTime recorded = Files.getLastModifiedTime(archive);
        Files.setLastModifiedTime(options, FileTime.from(recorded.toInstant().plusSeconds(60)));
        run(dir, archive, options, "options-changed", false); // the options decide which classes load
        assertTrue(Files.getLastModifiedTime(archive).compareTo(recorded) > 0, "made again after the options changed");
        Files.setLastModifiedTime(options, recorded);

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
        run(dir, archive, options, "truncated", false); // newer than the build, but not its recorded size
        assertEquals(String.valueOf(Files.size(archive)), Files.readString(size).trim(), "made again");
    }

    @Test
    void prepareCdsMakesAnArchiveTheFirstStartMaps(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("prepared.jsa");
        Path options = dir.resolve("bmc.jvm.options");
        Files.copy(ROOT.resolve("bmc.jvm.options"), options);
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bmc").toString(), "prepare-cds").redirectErrorStream(true);
        pb.environment().put("BMC_NO_BUILD", "1");
        pb.environment().put("BMC_CDS_ARCHIVE", archive.toString());
        pb.environment().put("BMC_JVM_OPTIONS_FILE", options.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "prepare-cds timed out");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("classes listed"), out);
        assertEquals(
                String.valueOf(Files.size(archive)),
                Files.readString(dir.resolve("prepared.jsa.size")).trim());
        FileTime made = Files.getLastModifiedTime(archive);

        run(dir, archive, options, "first-after-prepare", true);
        assertEquals(made, Files.getLastModifiedTime(archive), "the start mapped it and did not record another");
    }

    /**
     * Starts the agent (AppCDS is on by default: no BMC_CDS), waits until its runtime is up (and, if {@code mapped},
     * that the JVM mapped the archive).
     */
    private static void run(Path dir, Path archive, Path options, String name, boolean mapped) throws Exception {
        Map<String, String> env =
                Map.of("BMC_CDS_ARCHIVE", archive.toString(), "BMC_JVM_OPTIONS_FILE", options.toString());
        LauncherRun.run(dir, name, env, "runtime started", up -> {
            if (mapped) {
                try {
                    String maps = Files.readString(Path.of("/proc/" + up.pid() + "/maps"));
                    assertTrue(maps.contains(archive.toString()), name + ": archive not mapped");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
