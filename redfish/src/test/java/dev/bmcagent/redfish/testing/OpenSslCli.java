package dev.bmcagent.redfish.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real openssl binary: s_client handshakes against the server, and a test CA that signs CSRs. */
public final class OpenSslCli {

    /** What one command printed (stdout and stderr) and its exit code. */
    public record Result(int exit, String output) {}

    private OpenSslCli() {}

    public static Result run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(new File("/dev/null"))
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code openssl req -x509}: a new key ({@code rsa}: RSA 2048, {@code ec}: P-256) and its self-signed certificate
     * for {@code subject}, valid {@code days}, with these {@code -addext} extensions.
     */
    public static Result selfSigned(
            Path dir, String keyType, Path key, Path cert, int days, String subject, String... extensions) {
        List<String> args = new ArrayList<>(List.of("req", "-x509"));
        args.addAll(
                keyType.equals("ec")
                        ? List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256")
                        : List.of("-newkey", "rsa:2048"));
        args.addAll(List.of(
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-days",
                String.valueOf(days),
                "-subj",
                subject));
        for (String e : extensions) {
            args.addAll(List.of("-addext", e));
        }
        return run(dir, args.toArray(String[]::new));
    }

    /** A fresh TLS handshake to 127.0.0.1:port with extra s_client options; prints the peer certificate. */
    public static Result handshake(Path dir, int port, String... options) {
        List<String> args = new ArrayList<>(
                List.of("s_client", "-connect", "127.0.0.1:" + port, "-servername", "localhost", "-showcerts"));
        args.addAll(List.of(options));
        return run(dir, args.toArray(String[]::new));
    }

    /** The text form (openssl x509 -text) of the leaf certificate a new connection is served. */
    public static String servedCertificateText(Path dir, int port) {
        Result hs = handshake(dir, port);
        String out = hs.output();
        int begin = out.indexOf("-----BEGIN CERTIFICATE-----");
        int end = out.indexOf("-----END CERTIFICATE-----");
        if (begin < 0 || end < 0) {
            throw new IllegalStateException("no certificate served: " + out);
        }
        Path pem = dir.resolve("served-" + System.nanoTime() + ".pem");
        try {
            java.nio.file.Files.writeString(pem, out.substring(begin, end + 25) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run(dir, "x509", "-in", pem.toString(), "-noout", "-text", "-fingerprint", "-sha256")
                .output();
    }
}
