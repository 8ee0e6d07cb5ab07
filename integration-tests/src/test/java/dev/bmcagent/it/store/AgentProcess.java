package dev.bmcagent.it.store;

import static org.awaitility.Awaitility.await;

import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bmc agent} as a separate process on free 127.0.0.1 ports (optionally inside its own mount namespace with
 * the data directory on a tmpfs), and the real clients the store ITs run against it.
 */
final class AgentProcess implements AutoCloseable {
    static final String PASSWORD = "St0re-It-Pw";

    final Path dir;
    final Path data;
    final int ipmiPort;
    final int redfishPort;
    final Process process;

    private AgentProcess(Path dir, Path data, int ipmiPort, int redfishPort, Process process) {
        this.dir = dir;
        this.data = data;
        this.ipmiPort = ipmiPort;
        this.redfishPort = redfishPort;
        this.process = process;
    }

    /**
     * Starts the agent with {@code data} as data directory (and MQTT to {@code brokerUri} if not null); with
     * {@code tmpfsSize} (e.g. "2m") the agent runs in a private mount namespace with a tmpfs of that size on
     * {@code data}. Returns once Redfish accepts connections.
     */
    static AgentProcess start(Path dir, Path data, String brokerUri, String tmpfsSize) throws IOException {
        int ipmiPort = freeUdpPort();
        int redfishPort = MosquittoBroker.freePort();
        Path config = dir.resolve("agent.yaml");
        List<String> yaml = new ArrayList<>(List.of(
                "hosts: 1",
                "dataDir: " + data,
                "adminPassword: " + PASSWORD,
                "ipmiPort: " + ipmiPort,
                "redfishPort: " + redfishPort,
                "hostPort: " + MosquittoBroker.freePort(),
                "mqttPort: " + MosquittoBroker.freePort()));
        if (brokerUri != null) {
            yaml.addAll(List.of("mqtt:", "  brokerUrl: " + brokerUri, "  site: lab1", "  bmcId: bmc7"));
        }
        Files.writeString(config, String.join("\n", yaml) + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> agent = List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.bmcagent.app.cli.Main",
                "agent",
                "--config",
                config.toString());
        List<String> cmd = new ArrayList<>();
        if (tmpfsSize != null) {
            cmd.addAll(List.of(
                    "unshare",
                    "-m",
                    "--propagation",
                    "private",
                    "sh",
                    "-c",
                    "mount -t tmpfs -o size=" + tmpfsSize + ",mode=0700 tmpfs \"$0\" && exec \"$@\"",
                    data.toString()));
        }
        cmd.addAll(agent);
        Path log = dir.resolve("agent.log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!p.isAlive()) {
                        throw new AssertionError("agent exited: " + Files.readString(log));
                    }
                    return accepts(redfishPort);
                });
        return new AgentProcess(dir, data, ipmiPort, redfishPort, p);
    }

    /** True if this machine lets us mount a tmpfs in a private mount namespace. */
    static boolean canMountTmpfs() throws Exception {
        return run(List.of(
                                "unshare",
                                "-m",
                                "--propagation",
                                "private",
                                "sh",
                                "-c",
                                "mount -t tmpfs -o size=64k tmpfs /mnt"))
                        .code()
                == 0;
    }

    Run ipmitool(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
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
                "-R",
                "2",
                "-N",
                "3"));
        cmd.addAll(args);
        return run(cmd);
    }

    Run curl(String path) throws Exception {
        return run(List.of("curl", "-sk", "-u", "admin:" + PASSWORD, "https://127.0.0.1:" + redfishPort + path));
    }

    /** Runs {@code cmd} inside the agent's mount namespace. */
    Run inNamespace(String... cmd) throws Exception {
        List<String> all = new ArrayList<>(List.of("nsenter", "-t", Long.toString(process.pid()), "-m", "--"));
        all.addAll(List.of(cmd));
        return run(all);
    }

    /** SIGTERM and wait: the agent closes its stores. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    record Run(int code, String out) {}

    static Run run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
