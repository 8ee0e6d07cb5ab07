package dev.bmcagent.mqtt.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private CA made with the real {@code openssl} and {@code keytool} for TLS broker tests: {@code ca.pem} (the CA,
 * for {@code mosquitto_sub --cafile}), {@code server.pem}/{@code server.key} (a certificate for 127.0.0.1, SAN
 * IP:127.0.0.1, signed by the CA, for Mosquitto's {@code certfile}/{@code keyfile}), {@code trust.p12} (PKCS12
 * trust store with only the CA) and {@code other.p12} (a trust store with an unrelated CA, which must not accept
 * the broker); trust store password {@link #STORE_PASSWORD}. {@link #selfSigned} and {@link #importCert} make a
 * self-signed certificate and a trust store for tests that need their own.
 */
public record PrivateCa(Path dir) {
    public static final String STORE_PASSWORD = "changeit";

    /** Generates everything in {@code dir} (about a second of openssl). */
    public static PrivateCa create(Path dir) throws IOException, InterruptedException {
        PrivateCa ca = new PrivateCa(dir);
        // CA, then a server key and certificate for 127.0.0.1 signed by it; the trust store holds only the CA
        selfSignedCa("bmc-test-ca", dir.resolve("ca.key"), ca.caPem());
        run(
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=127.0.0.1",
                "-keyout",
                ca.serverKey().toString(),
                "-out",
                dir.resolve("server.csr").toString());
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        run(
                "openssl",
                "x509",
                "-req",
                "-in",
                dir.resolve("server.csr").toString(),
                "-CA",
                ca.caPem().toString(),
                "-CAkey",
                dir.resolve("ca.key").toString(),
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                dir.resolve("san.ext").toString(),
                "-out",
                ca.serverPem().toString());
        importCert("bmc-test-ca", ca.caPem(), ca.trustStore());
        // a second, unrelated CA: a trust store with it must not accept the broker
        selfSignedCa("other-ca", dir.resolve("other.key"), dir.resolve("other.pem"));
        importCert("other", dir.resolve("other.pem"), ca.otherTrustStore());
        return ca;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path serverPem() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** PKCS12 with only this CA. */
    public Path trustStore() {
        return dir.resolve("trust.p12");
    }

    /** PKCS12 with an unrelated CA. */
    public Path otherTrustStore() {
        return dir.resolve("other.p12");
    }

    /** A CA key and its self-signed certificate, valid 2 days. */
    private static void selfSignedCa(String commonName, Path key, Path pem) throws IOException, InterruptedException {
        selfSigned(commonName, key, pem, "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign");
    }

    /** A key and its self-signed certificate for {@code CN=commonName}, valid 2 days, with these extensions. */
    public static void selfSigned(String commonName, Path key, Path pem, String... extensions)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=" + commonName));
        for (String extension : extensions) {
            cmd.add("-addext");
            cmd.add(extension);
        }
        cmd.addAll(List.of("-keyout", key.toString(), "-out", pem.toString()));
        run(cmd.toArray(new String[0]));
    }

    /** A PKCS12 trust store {@code store} (password {@link #STORE_PASSWORD}) holding the certificate {@code pem}. */
    public static void importCert(String alias, Path pem, Path store) throws IOException, InterruptedException {
        run(
                "keytool",
                "-importcert",
                "-noprompt",
                "-alias",
                alias,
                "-file",
                pem.toString(),
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                STORE_PASSWORD);
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
