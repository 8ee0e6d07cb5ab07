package dev.bmcagent.app.cli;

import java.nio.file.Path;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
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

    /**
     * The agent's one source of secrets and nonces (IPMI session IDs, RAKP randoms, AES IVs, tokens, generated
     * passwords, TLS keys): the JDK's DRBG (NIST SP 800-90A Hash_DRBG, SHA-256, seeded from the system's entropy
     * source), instantiated at 256-bit strength, since the certificate service generates P-384 and RSA-4096 keys with
     * it (the JDK's default instantiation is 128 bits).
     * Not {@code new SecureRandom()}, which is NativePRNG on Linux: that one XORs its output with bytes it reads
     * ahead from /dev/urandom into a buffer that grows to 64 KiB under load (an AES IV per IPMI message) and expires
     * 100 ms after the read, so the first call after a pause (every login's Open Session) re-reads the whole buffer:
     * 27 µs against the DRBG's 7 (docs/BENCHMARKS.md, "IPMI as wired in the agent").
     */
    static SecureRandom randomSource() {
        try {
            return SecureRandom.getInstance(
                    "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG SecureRandom is missing", e);
        }
    }

    public static CliEnvironment system() {
        String home = System.getProperty("user.home");
        return new CliEnvironment(
                System.getenv(),
                home == null ? null : Path.of(home),
                Path.of("").toAbsolutePath(),
                randomSource(),
                ShutdownWaiter.jvm());
    }
}
