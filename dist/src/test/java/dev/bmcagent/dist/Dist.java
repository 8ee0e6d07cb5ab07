package dev.bmcagent.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The distribution tar.gz of this build (failsafe property {@code dist.tarball}) and the real tools run on it. */
final class Dist {
    private Dist() {}

    static Path tarball() {
        Path t = Path.of(System.getProperty("dist.tarball", "target/bmc-agent.tar.gz"));
        assertTrue(Files.isRegularFile(t), "no distribution at " + t + ": run mvn package first");
        return t;
    }

    /** {@code tar xzf} of the distribution into {@code into} without its top directory; returns {@code into}. */
    static Path extract(Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        run(List.of("tar", "xzf", tarball().toString(), "-C", into.toString(), "--strip-components=1"), Map.of());
        return into;
    }

    /** Runs a command to its end (60 s at most); asserts exit 0 unless {@code allowFailure}. */
    static String run(List<String> argv, Map<String, String> env) throws IOException, InterruptedException {
        return run(argv, env, false);
    }

    static String run(List<String> argv, Map<String, String> env, boolean allowFailure)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), argv.get(0) + " timed out");
        if (!allowFailure) {
            assertEquals(0, p.exitValue(), String.join(" ", argv) + ":\n" + out);
        }
        return out;
    }
}
