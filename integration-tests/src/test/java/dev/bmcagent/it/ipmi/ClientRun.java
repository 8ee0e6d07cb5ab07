package dev.bmcagent.it.ipmi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One finished client process: exit code, stdout and stderr merged, and how long it took.
 *
 * @param command what ran
 * @param exit    exit code
 * @param output  stdout and stderr, merged in arrival order
 * @param took    wall time of the process
 */
public record ClientRun(List<String> command, int exit, String output, Duration took) {
    /** Time limit of one client call; a healthy call takes 50-500 ms. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    public ClientRun {
        command = List.copyOf(command);
    }

    /** Runs {@code command}, kills it after {@link #TIMEOUT}, and returns what it printed. */
    public static ClientRun of(List<String> command) {
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close(); // no client may wait for input (e.g. a password prompt)
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), out), "client-output");
        reader.start();
        try {
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                reader.join(TIMEOUT.toMillis());
                throw new AssertionError("timed out after " + TIMEOUT + ": " + String.join(" ", command) + "\n"
                        + out.toString(StandardCharsets.UTF_8));
            }
            reader.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted: " + command, e);
        }
        ClientRun run = new ClientRun(
                command,
                p.exitValue(),
                out.toString(StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
        System.out.println(run);
        return run;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process was killed; what was read so far is kept
        }
    }

    /** The output's lines. */
    public List<String> lines() {
        return output.lines().toList();
    }

    /** The first line containing {@code text}, or an assertion failure that shows the whole output. */
    public String line(String text) {
        return lines().stream()
                .filter(l -> l.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + text + "' in:\n" + this));
    }

    /** True if some line contains {@code text}. */
    public boolean has(String text) {
        return output.contains(text);
    }

    /** Fails unless the process exited 0. */
    public ClientRun ok() {
        if (exit != 0) {
            throw new AssertionError("exit " + exit + ":\n" + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "$ " + String.join(" ", command) + "\n  -> exit " + exit + " in " + took.toMillis() + " ms\n" + output;
    }
}
