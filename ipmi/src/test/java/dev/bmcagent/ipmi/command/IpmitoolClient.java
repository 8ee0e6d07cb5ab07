package dev.bmcagent.ipmi.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real ipmitool against an {@link IpmitoolDummyServer}. */
public final class IpmitoolClient {
    private final Path socket;

    public IpmitoolClient(Path socket) {
        this.socket = socket;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/ipmitool"));
    }

    /** Runs {@code ipmitool -I dummy args...}; returns stdout + stderr (stderr lines prefixed "E: "). */
    public String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/ipmitool", "-I", "dummy"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("IPMI_DUMMY_SOCK", socket.toString());
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ipmitool timed out: " + cmd);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        StringBuilder all = new StringBuilder(out);
        for (String line : err.split("\n", -1)) {
            if (!line.isBlank() && !line.contains("IPMI_DUMMY_SOCK")) {
                all.append("E: ").append(line).append('\n');
            }
        }
        return all.toString();
    }
}
