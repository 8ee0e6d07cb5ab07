package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto on 127.0.0.1 for tests: {@code listener PORT 127.0.0.1}, anonymous, no persistence. Can be
 * stopped and restarted on the same port to simulate an outage.
 */
public final class MosquittoBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final boolean anonymous;
    private final java.util.List<String> listenerLines;
    private final java.util.List<String> tuning;
    private Process process;
    private int plainPort = -1;

    /** Queue and log settings of the single-agent tests: every log type, 100,000 queued messages. */
    private static final java.util.List<String> DEFAULT_TUNING =
            java.util.List.of("max_queued_messages 100000", "log_type all");

    private MosquittoBroker(
            Path dir,
            int port,
            boolean anonymous,
            java.util.List<String> listenerLines,
            java.util.List<String> tuning) {
        this.dir = dir;
        this.port = port;
        this.anonymous = anonymous;
        this.listenerLines = listenerLines;
        this.tuning = tuning;
    }

    private MosquittoBroker(Path dir, int port, boolean anonymous) {
        this(dir, port, anonymous, java.util.List.of(), DEFAULT_TUNING);
    }

    /** A TLS listener with the given PEM certificate and key. */
    public static MosquittoBroker startTls(Path dir, Path certPem, Path keyPem) {
        MosquittoBroker b = new MosquittoBroker(
                dir, freePort(), true, java.util.List.of("certfile " + certPem, "keyfile " + keyPem), DEFAULT_TUNING);
        b.startProcess();
        return b;
    }

    /**
     * A TLS listener ({@link #port()}) with the given PEM certificate and key, and a second, plain listener on
     * 127.0.0.1 ({@link #plainPort()}) for clients that only speak {@code tcp://}; both anonymous.
     */
    public static MosquittoBroker startTlsAndPlain(Path dir, Path certPem, Path keyPem) {
        int plain = freePort();
        MosquittoBroker b = new MosquittoBroker(
                dir,
                freePort(),
                true,
                java.util.List.of("certfile " + certPem, "keyfile " + keyPem, "listener " + plain + " 127.0.0.1"),
                DEFAULT_TUNING);
        b.plainPort = plain;
        b.startProcess();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> accepts(b.plainPort()));
        return b;
    }

    /**
     * A TLS listener with the given PEM certificate and key that refuses anonymous clients and knows one user
     * ({@code password_file} written with the real {@code mosquitto_passwd}).
     */
    public static MosquittoBroker startTlsWithLogin(Path dir, Path certPem, Path keyPem, String user, String password) {
        Path passwords = dir.resolve("passwords");
        try {
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), user, password)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("mosquitto_passwd failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        MosquittoBroker b = new MosquittoBroker(
                dir,
                freePort(),
                false,
                java.util.List.of("certfile " + certPem, "keyfile " + keyPem, "password_file " + passwords),
                DEFAULT_TUNING);
        b.startProcess();
        return b;
    }

    /** Starts Mosquitto on a free port, configuration and log in {@code dir}. */
    public static MosquittoBroker start(Path dir) {
        MosquittoBroker b = new MosquittoBroker(dir, freePort(), true);
        b.startProcess();
        return b;
    }

    /** Starts Mosquitto on {@code port} (e.g. one a client was already told about). */
    public static MosquittoBroker startOnPort(Path dir, int port) {
        MosquittoBroker b = new MosquittoBroker(dir, port, true);
        b.startProcess();
        return b;
    }

    /**
     * A broker for fleet tests: queues large enough that an offline monitor session keeps its share of a fleet's
     * events (1,000,000 queued, 100 in flight), and only error, warning and notice lines in the log.
     */
    public static MosquittoBroker startForFleet(Path dir) {
        MosquittoBroker b = new MosquittoBroker(
                dir,
                freePort(),
                true,
                java.util.List.of(),
                java.util.List.of(
                        "max_queued_messages 1000000",
                        "max_inflight_messages 100",
                        "log_type error",
                        "log_type warning",
                        "log_type notice"));
        b.startProcess();
        return b;
    }

    /** A broker that refuses every client ({@code allow_anonymous false}, no password file). */
    public static MosquittoBroker startRefusingEveryone(Path dir) {
        MosquittoBroker b = new MosquittoBroker(dir, freePort(), false);
        b.startProcess();
        return b;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The second listener's port ({@link #startTlsAndPlain}), else -1. */
    public int plainPort() {
        return plainPort;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized void startProcess() {
        try {
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(
                    conf,
                    String.join(
                            "\n",
                            "listener " + port + " 127.0.0.1",
                            String.join("\n", listenerLines),
                            "allow_anonymous " + anonymous,
                            "persistence false",
                            // Started as root, Mosquitto drops to user "mosquitto" and can no longer read our temp
                            // files.
                            "user " + System.getProperty("user.name"),
                            "log_dest file " + dir.resolve("mosquitto.log"),
                            String.join("\n", tuning),
                            ""),
                    StandardCharsets.UTF_8);
            process = new ProcessBuilder("mosquitto", "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("mosquitto.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> process.isAlive() && accepts());
    }

    /** Stops the broker (SIGTERM, then SIGKILL) and waits until the port is closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        await().atMost(Duration.ofSeconds(5)).until(() -> !accepts());
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private boolean accepts() {
        return accepts(port);
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
    public void close() {
        stop();
    }
}
