package dev.bmcagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real client tools (curl, ipmitool, ...) as the ITs run them against an agent on 127.0.0.1. */
public final class ClientProcesses {
    private ClientProcesses() {}

    /** Runs {@code argv}, waits up to 60 s and asserts exit status 0; returns its output (stdout and stderr). */
    public static String run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(argv))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), argv.get(0) + " timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /**
     * The HTTP status curl gets for {@code url} ({@code -k}: the agents' certificates are self-signed), with
     * {@code options} (e.g. {@code -u user:password}, {@code -X POST}) before the URL.
     */
    public static String httpStatus(String url, String... options) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}"));
        argv.addAll(List.of(options));
        argv.add(url);
        return run(argv).strip();
    }
}
