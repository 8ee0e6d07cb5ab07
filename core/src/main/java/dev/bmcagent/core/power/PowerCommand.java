package dev.bmcagent.core.power;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one configured power command: argv directly (no shell), stdout and stderr together into a temporary file,
 * at most {@code timeout} (then the process and its descendants are killed). Exit status 0 is success; anything
 * else, a timeout or a start failure is a failure. The output (at most {@link #MAX_LOGGED_CHARS}, the tail) is
 * logged either way, at INFO on success and WARN on failure.
 */
public final class PowerCommand {
    private static final Logger LOG = LoggerFactory.getLogger(PowerCommand.class);
    /** Output kept for the log: a command that prints megabytes does not flood it. */
    public static final int MAX_LOGGED_CHARS = 4096;

    /** The outcome: success, the exit status (-1 when it did not exit), and the output tail. */
    public record Outcome(boolean success, int exitStatus, String output, String failure) {}

    private PowerCommand() {}

    /**
     * Runs one power command and waits for it, at most {@code timeout}.
     *
     * @param what e.g. "host0 power on", for the log
     */
    public static Outcome run(String what, List<String> argv, Duration timeout) {
        Objects.requireNonNull(argv, "argv");
        Path out = null;
        try {
            out = Files.createTempFile("bmc-power-", ".log");
            Process p = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            LOG.info("{}: running {} (pid {}, timeout {} s)", what, argv, p.pid(), timeout.toSeconds());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                String text = tail(out);
                LOG.warn(
                        "{}: {} timed out after {} s and was killed; output: {}",
                        what,
                        argv,
                        timeout.toSeconds(),
                        text);
                return new Outcome(false, -1, text, "timed out after " + timeout.toSeconds() + " s");
            }
            int status = p.exitValue();
            String text = tail(out);
            if (status == 0) {
                LOG.info("{}: {} exited 0; output: {}", what, argv, text);
                return new Outcome(true, 0, text, "");
            }
            LOG.warn("{}: {} failed with exit status {}; output: {}", what, argv, status, text);
            return new Outcome(false, status, text, "exit status " + status);
        } catch (IOException e) {
            LOG.warn("{}: {} could not be started: {}", what, argv, e.toString());
            return new Outcome(false, -1, "", "could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, -1, "", "interrupted");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", out, e);
                }
            }
        }
    }

    private static String tail(Path file) throws IOException {
        String s;
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - MAX_LOGGED_CHARS);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            s = (start > 0 ? "..." : "") + new String(b, StandardCharsets.UTF_8).strip();
        }
        return s.isEmpty() ? "(none)" : s.replace('\n', '|');
    }
}
