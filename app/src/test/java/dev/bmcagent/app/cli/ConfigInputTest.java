package dev.bmcagent.app.cli;

import static dev.bmcagent.app.cli.CliTestSupport.env;
import static dev.bmcagent.app.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.app.cli.CliTestSupport.Result;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmc agent} (the CLI main, in-process as the other CLI tests run it) on hostile or careless configuration
 * input: each case ends with exit status 2 and one line on stderr naming the key, quickly, and no agent starts.
 */
class ConfigInputTest {
    @TempDir
    Path tmp;

    private Result agent(String yaml, String... flags) throws Exception {
        Path file = tmp.resolve("agent.yaml");
        Files.writeString(file, yaml);
        return agentWith(file, flags);
    }

    private Result agentWith(Path config, String... flags) {
        List<String> args = new ArrayList<>(List.of("agent", "--config", config.toString()));
        args.addAll(List.of(flags));
        if (!args.contains("--data-dir") && !readString(config).contains("dataDir:")) {
            args.addAll(List.of("--data-dir", tmp.resolve("data").toString()));
        }
        args.addAll(FreePorts.args());
        return Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> run(env(tmp), args.toArray(String[]::new)));
    }

    private static String readString(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) < 100_000 ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void refused(Result r, String expectedStart) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("bmc agent: invalid configuration: " + expectedStart), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.out().contains("Running"), r.out());
    }

    @Test
    void dataDirThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        refused(agent("", "--data-dir", file.toString()), "dataDir: " + file + " exists and is not a directory");
        refused(agent("", "--data-dir", file.resolve("below").toString()), "dataDir: ");
    }

    @Test
    void emptyDataDirIsRefused() throws Exception {
        refused(agent("", "--data-dir", ""), "dataDir: is empty");
        refused(agent("dataDir: ''\n"), "dataDir: is empty");
    }

    @Test
    void timeScaleOutOfRangeIsRefused() throws Exception {
        refused(agent("", "--time-scale", "1e-300"), "timeScale: 1.0E-300 is out of range 0.01..1000");
        refused(agent("timeScale: 1e300\n"), "timeScale: ");
        refused(agent("timeScale: .nan\n"), "config: not valid YAML: Malformed numeric value '.nan'");
    }

    @Test
    void devZeroIsRefusedWithoutReadingIt() {
        refused(agentWith(Path.of("/dev/zero")), "config: /dev/zero is not a regular file");
        refused(agentWith(tmp), "config: " + tmp + " is not a regular file");
    }

    @Test
    void fiftyMegabyteFileIsRefusedWithoutParsingIt() throws Exception {
        Path big = tmp.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write("hosts: 1\n# ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            f.setLength(50L * 1024 * 1024); // a comment line of NULs up to 50 MB
        }
        refused(agentWith(big), "config: " + big + " is larger than 65536 bytes");
        StringBuilder keys = new StringBuilder();
        while (keys.length() <= 70_000) {
            keys.append("mqtt: {site: ").append("a".repeat(60)).append("}\n");
        }
        refused(agent(keys.toString()), "config: ");
    }

    @Test
    void duplicateKeysAreRefused() throws Exception {
        refused(agent("hosts: 1\nhosts: 4\n"), "hosts: key given twice");
        refused(agent("mqtt:\n  site: a\n  site: b\n"), "site: key given twice");
    }

    @Test
    void booleansAndNumbersAreNotStrings() throws Exception {
        refused(agent("adminPassword: yes\n"), "adminPassword: expected string, not true (quote it");
        refused(agent("adminPassword: 12345678\n"), "adminPassword: expected string");
        refused(agent("mqtt:\n  site: on\n"), "mqtt.site: expected string");
        refused(agent("store: 1\n"), "store: ");
    }

    @Test
    void quotedValuesAreStillAccepted() throws Exception {
        Result r = agent("adminPassword: 'yes'\nmqtt:\n  site: '42'\n");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Admin user 'admin', password as configured"), r.out());
    }
}
