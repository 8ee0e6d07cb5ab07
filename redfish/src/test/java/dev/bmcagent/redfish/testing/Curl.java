package dev.bmcagent.redfish.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real curl binary against the server ({@code curl -sk -i}) and parses what it printed. */
public final class Curl {
    private final int port;

    public Curl(int port) {
        this.port = port;
    }

    public String url(String path) {
        return "https://127.0.0.1:" + port + path;
    }

    public HttpResult get(String path, String... options) {
        return run("GET", path, null, options);
    }

    public HttpResult send(String method, String path, String body, String... options) {
        return run(method, path, body, options);
    }

    public HttpResult run(String method, String path, String body, String... options) {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sk", "-i", "--http1.1", "--max-time", "20", "-X", method));
        cmd.addAll(Arrays.asList(options));
        if (body != null) {
            cmd.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", body));
        }
        cmd.add(url(path));
        String out = exec(cmd);
        return parse(out);
    }

    public static String exec(List<String> cmd) {
        return exec(cmd, List.of());
    }

    /** Runs a command with some environment variables removed. */
    public static String exec(List<String> cmd, List<String> unsetEnv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            unsetEnv.forEach(pb.environment()::remove);
            Process p = pb.start();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResult parse(String out) {
        int split = out.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new IllegalStateException("no HTTP response from curl: " + out);
        }
        String[] lines = out.substring(0, split).split("\r\n", -1);
        int status = Integer.parseInt(lines[0].split(" ", -1)[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new HttpResult(status, headers, out.substring(split + 4));
    }
}
