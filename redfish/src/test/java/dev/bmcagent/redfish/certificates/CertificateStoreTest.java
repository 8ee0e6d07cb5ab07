package dev.bmcagent.redfish.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.testing.OpenSslCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the service's own certificate is kept, made anew, or left alone (an installed one), on real files. */
class CertificateStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final SubjectNames LOOPBACK = SubjectNames.forBind("127.0.0.1", "bmc-test");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private CertificateStore open(SubjectNames names, Instant now) {
        return CertificateStore.inDataDir(dir, names, Clock.fixed(now, ZoneOffset.UTC), RANDOM);
    }

    @Test
    void keptAcrossRestartsWithTheSameAddresses() throws Exception {
        String first = open(LOOPBACK, T0).current().chainPem();
        assertEquals(
                first, open(LOOPBACK, T0.plus(Duration.ofDays(200))).current().chainPem());
        assertEquals(
                PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dir.resolve(CertificateStore.TLS_FILE)));
        String text = Files.readString(dir.resolve(CertificateStore.TLS_FILE));
        assertTrue(text.contains("PRIVATE KEY"), "key kept in the 0600 file");
        assertTrue(!Files.readString(dir.resolve(CertificateStore.CERT_FILE)).contains("PRIVATE KEY"));
    }

    @Test
    void regeneratedWhenTheBindAddressesChange() {
        CertificateStore a = open(SubjectNames.forBind("127.0.0.2", "bmc-test"), T0);
        assertTrue(SubjectNames.of(a.current().leaf()).ipAddresses().contains("127.0.0.2"));
        CertificateStore b = open(LOOPBACK, T0);
        assertNotEquals(a.current().chainPem(), b.current().chainPem());
        assertEquals(LOOPBACK, SubjectNames.of(b.current().leaf()));
    }

    @Test
    void regeneratedWhenExpiringWithinThirtyDays() {
        String first = open(LOOPBACK, T0).current().chainPem();
        Instant late = T0.plus(SelfSignedGenerator.VALIDITY).minus(Duration.ofDays(29));
        CertificateStore renewed = open(LOOPBACK, late);
        assertNotEquals(first, renewed.current().chainPem());
        assertTrue(renewed.current().leaf().getNotAfter().toInstant().isAfter(late.plus(Duration.ofDays(300))));
    }

    @Test
    void theOldCnLocalhostCertificateWithoutSanIsReplaced() throws Exception {
        assertEquals(
                0,
                OpenSslCli.selfSigned(
                                dir,
                                "rsa",
                                dir.resolve("redfish-key.pem"),
                                dir.resolve("redfish-cert.pem"),
                                2900000,
                                "/CN=localhost")
                        .exit());
        CertificateStore s = open(LOOPBACK, T0);
        assertEquals(LOOPBACK, SubjectNames.of(s.current().leaf()));
        assertTrue(!Files.exists(dir.resolve("redfish-key.pem")), "the key moved into the 0600 combined file");
    }

    @Test
    void anInstalledCertificateIsNeverRegenerated() throws Exception {
        Path key = dir.resolve("ca-made-key.pem");
        Path cert = dir.resolve("ca-made-cert.pem");
        assertEquals(
                0,
                OpenSslCli.selfSigned(dir, "ec", key, cert, 400, "/CN=bmc.example", "subjectAltName=DNS:bmc.example")
                        .exit());
        Instant now = Pem.parse(Files.readString(cert))
                .certificates()
                .get(0)
                .getNotBefore()
                .toInstant()
                .plusSeconds(60);
        CertificateStore s = open(LOOPBACK, now);
        ServedCertificate installed = s.check(Files.readString(cert) + Files.readString(key));
        s.install(installed);
        assertEquals(installed.chainPem(), open(LOOPBACK, now).current().chainPem(), "other names, kept");
    }
}
