package dev.bmcagent.app.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;

/**
 * What commands take from the process: environment variables, home and working directory, randomness,
 * and how to wait for shutdown. Tests pass their own; {@link #system()} is the real process.
 */
public record CliEnvironment(
        Map<String, String> env, Path home, Path workingDirectory, SecureRandom random, ShutdownWaiter shutdown) {
    public CliEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(shutdown, "shutdown");
    }

    public static CliEnvironment system() {
        String home = System.getProperty("user.home");
        return new CliEnvironment(
                System.getenv(),
                home == null ? null : Path.of(home),
                Path.of("").toAbsolutePath(),
                new SecureRandom(),
                ShutdownWaiter.jvm());
    }
}
