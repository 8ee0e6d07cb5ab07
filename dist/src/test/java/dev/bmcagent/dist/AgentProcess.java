package dev.bmcagent.dist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/bmc agent} of an unpacked distribution as its own process, the way a service manager runs it: the
 * environment has a Java runtime (JAVA_HOME) and a PATH whose {@code mvn} only records that it was called, and
 * HOME is an empty directory (no ~/.m2).
 */
final class AgentProcess implements AutoCloseable {
    static final String PASSWORD = "Dist-IT-pass-1";

    final Path home;
    final Path work;
    final int ipmiPort = FreePorts.udp();
    final int redfishPort = FreePorts.tcp();
    final int hostPort = FreePorts.tcp();
    final Path mvnCalled;
    private final Path log;
    private final Map<String, String> extraEnv = new HashMap<>();
    private Process process;

    AgentProcess(Path home, Path work) throws IOException {
        this.home = home;
        this.work = work;
        this.log = work.resolve("agent.log");
        Path bin = Files.createDirectories(work.resolve("fake-bin"));
        mvnCalled = work.resolve("mvn-was-called");
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\ntouch '" + mvnCalled + "'\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(work.resolve("home"));
    }

    /** The environment a service manager would give: JAVA_HOME, the PATH whose mvn only records that it was called. */
    Map<String, String> environment() {
        return Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "PATH", work.resolve("fake-bin") + ":/usr/bin:/bin",
                "HOME", work.resolve("home").toString());
    }

    /** Sets (or with null removes) a variable for the next starts, e.g. BMC_JAVA_OPTS. */
    AgentProcess env(String name, String value) {
        if (value == null) {
            extraEnv.remove(name);
        } else {
            extraEnv.put(name, value);
        }
        return this;
    }

    /** Starts {@code bin/bmc agent --config etc/agent.yaml} with test ports and data dir; waits until Redfish listens. */
    AgentProcess start() throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                home.resolve("bin/bmc").toString(),
                "agent",
                "--config",
                home.resolve("etc/agent.yaml").toString(),
                "--ipmi-port",
                Integer.toString(ipmiPort),
                "--redfish-port",
                Integer.toString(redfishPort),
                "--host-port",
                Integer.toString(hostPort),
                "--data-dir",
                work.resolve("data").toString(),
                "--admin-password",
                PASSWORD));
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(environment());
        env.putAll(extraEnv);
        env.put("CACHE_DIRECTORY", cacheDirectory().toString()); // what systemd's CacheDirectory= sets
        Files.createDirectories(cacheDirectory());
        process = pb.start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !process.isAlive() || accepts(redfishPort));
        assertTrue(process.isAlive(), "agent exited: " + log());
        return this;
    }

    /** The unit's CacheDirectory, where bin/bmc keeps its AppCDS archive. */
    Path cacheDirectory() {
        return work.resolve("cache");
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM; returns the exit status (waits at most 40 s). */
    int stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(40, TimeUnit.SECONDS), "agent did not stop on SIGTERM: " + log());
        return process.exitValue();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    List<String> ipmitool(String... command) {
        List<String> argv = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(ipmiPort),
                "-U",
                "admin",
                "-P",
                PASSWORD,
                "-C",
                "17"));
        argv.addAll(List.of(command));
        return argv;
    }

    List<String> curl(String path) {
        return List.of("curl", "-sk", "-u", "admin:" + PASSWORD, "https://127.0.0.1:" + redfishPort + path);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
