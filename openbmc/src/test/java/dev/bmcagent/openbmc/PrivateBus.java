package dev.bmcagent.openbmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code dbus-daemon} on a private unix socket in a temp dir, with its own configuration (no system bus, no
 * systemd): every connection may own any name and call anything, as a BMC image's policy allows its services.
 * {@link #busctl} runs the real {@code busctl} client against it.
 */
public final class PrivateBus implements AutoCloseable {
    private final Process daemon;
    public final String address;

    public PrivateBus(Path dir) throws IOException {
        Path socket = dir.resolve("bus.sock");
        Path config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>custom</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow user="*"/>
                    <allow own="*"/>
                    <allow send_type="method_call"/>
                    <allow send_type="signal"/>
                    <allow send_type="method_return"/>
                    <allow send_type="error"/>
                    <allow receive_type="method_call"/>
                    <allow receive_type="signal"/>
                    <allow receive_type="method_return"/>
                    <allow receive_type="error"/>
                    <allow eavesdrop="true"/>
                  </policy>
                </busconfig>
                """.replace("%s", socket.toString()));
        daemon = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork", "--print-address")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            daemon.destroyForcibly();
            throw new IOException("dbus-daemon printed no address");
        }
        // e.g. unix:path=/tmp/.../bus.sock,guid=...; dbus-java and busctl both take the path form
        address = "unix:path=" + socket;
    }

    /** Runs {@code busctl --address=... args}; asserts exit 0; returns stdout. */
    public String busctl(String... args) throws IOException, InterruptedException {
        Result r = busctlResult(args);
        assertEquals(0, r.exit, () -> "busctl " + String.join(" ", args) + ": " + r.output);
        return r.output;
    }

    public record Result(int exit, String output) {}

    public Result busctlResult(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("busctl", "--address=" + address, "--no-pager"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "busctl timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new Result(p.exitValue(), out);
    }

    @Override
    public void close() throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
        }
    }
}
