package dev.bmcagent.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every benchmark harness runs end to end once with a tiny count ({@code BENCH_QUICK=1}), so a broken harness
 * fails the build: run-all.sh --agent --ipmi-target agent covers ipmi.sh (ipmi_sim and `./bmc agent`), redfish.sh,
 * mqtt.sh, hostif.sh, hostif-mqtt.sh and redfish-agent.sh; fleet.sh, rollout.sh, footprint.sh and redfish-tls.sh
 * run on their own. The scripts use this build's classes ({@code BENCH_NO_BUILD=1}: no Maven inside Maven). The
 * figures mean nothing; what is checked is exit status 0 and the table (or summary) each prints.
 */
class BenchHarnessIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| [^|]+ \\| [^|]+ \\| [0-9]", Pattern.MULTILINE);

    static Stream<List<String>> harnesses() {
        return Stream.of(
                List.of("run-all.sh", "--agent", "--ipmi-target", "agent"),
                List.of("footprint.sh"),
                List.of("redfish-tls.sh"),
                List.of("fleet.sh"),
                List.of("rollout.sh"));
    }

    @ParameterizedTest
    @MethodSource("harnesses")
    void runsAndPrintsItsTable(List<String> command) throws Exception {
        Path out = Files.createTempFile("bench-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(Stream.concat(
                                    Stream.of(ROOT.resolve("scripts/bench")
                                            .resolve(command.get(0))
                                            .toString()),
                                    command.stream().skip(1))
                            .toList())
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().put("BENCH_QUICK", "1");
            pb.environment().put("BENCH_NO_BUILD", "1");
            Process p = pb.start();
            boolean done = p.waitFor(300, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
            String text = read(out);
            assertTrue(done, "still running after 300 s:\n" + text);
            assertEquals(0, p.exitValue(), text);
            boolean summary =
                    command.get(0).equals("fleet.sh") || command.get(0).equals("rollout.sh");
            assertTrue(
                    summary
                            ? text.contains("Maximum resident set size")
                            : TABLE_ROW.matcher(text).find(),
                    text);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String read(Path out) throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
