package dev.bmcagent.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.testing.OpenSslCli;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forward secrecy only, on both engines, checked with the real openssl s_client: static-RSA and CBC-SHA1 suites are
 * refused, ECDHE-AEAD and TLS 1.3 are served; the generated certificate names the bound addresses and lasts a year.
 */
class TlsPolicyTest {

    private static final DateTimeFormatter OPENSSL_DATE = DateTimeFormatter.ofPattern(
                    "MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "openssl engine: {0}")
    @ValueSource(booleans = {true, false})
    void rsaCertificateRefusesStaticRsaAndCbcSha1(boolean openSsl) throws Exception {
        Path key = dir.resolve("rsa-key.pem");
        Path cert = dir.resolve("rsa-cert.pem");
        assertEquals(
                0,
                OpenSslCli.selfSigned(dir, "rsa", key, cert, 30, "/CN=localhost", "subjectAltName=IP:127.0.0.1")
                        .exit());
        try (RedfishFixture f =
                RedfishFixture.start(dir, o -> o.openSsl(openSsl).certificate(cert, key))) {
            refused(f, "AES128-SHA"); // static RSA, CBC, SHA-1
            refused(f, "AES128-GCM-SHA256"); // static RSA, AEAD: still no forward secrecy
            refused(f, "AES256-SHA256"); // static RSA, CBC
            refused(f, "ECDHE-RSA-AES128-SHA"); // forward secret but CBC with SHA-1
            refused(f, "ECDHE-RSA-AES256-SHA384"); // CBC
            accepted(f, "ECDHE-RSA-AES128-GCM-SHA256");
            accepted(f, "ECDHE-RSA-CHACHA20-POLY1305");
            OpenSslCli.Result v13 = OpenSslCli.handshake(dir, f.port(), "-tls1_3");
            assertTrue(v13.output().contains("TLSv1.3"), v13.output());
        }
    }

    @ParameterizedTest(name = "openssl engine: {0}")
    @ValueSource(booleans = {true, false})
    void generatedCertificateHasSansAndAYearOfValidity(boolean openSsl) throws Exception {
        try (RedfishFixture f = RedfishFixture.startGenerating(dir, o -> o.openSsl(openSsl))) {
            refused(f, "ECDHE-ECDSA-AES128-SHA");
            accepted(f, "ECDHE-ECDSA-AES128-GCM-SHA256");
            String text = OpenSslCli.servedCertificateText(dir, f.port());
            assertTrue(text.contains("DNS:localhost"), text);
            assertTrue(text.contains("IP Address:127.0.0.1"), text);
            assertTrue(text.contains("IP Address:0:0:0:0:0:0:0:1"), text);
            assertTrue(text.contains("TLS Web Server Authentication"), text);
            assertTrue(text.contains("CA:FALSE"), text);
            Duration validity = Duration.between(date(text, "Not Before"), date(text, "Not After"));
            assertTrue(validity.compareTo(Duration.ofDays(366)) <= 0, "validity " + validity);
            assertTrue(validity.compareTo(Duration.ofDays(300)) >= 0, "validity " + validity);
        }
    }

    /**
     * The server asks for no client certificate and trusts none (SECURITY.md, "TLS and certificates"): a client that
     * offers one anyway (openssl s_client -cert, a clientAuth certificate) is not asked for it and is served like any other, on TLS 1.2 and 1.3.
     */
    @ParameterizedTest(name = "openssl engine: {0}")
    @ValueSource(booleans = {true, false})
    void noClientCertificateIsRequestedEvenFromAClientThatHasOne(boolean openSsl) throws Exception {
        Path key = dir.resolve("client-key.pem");
        Path cert = dir.resolve("client-cert.pem");
        assertEquals(
                0,
                OpenSslCli.selfSigned(dir, "rsa", key, cert, 30, "/CN=console", "extendedKeyUsage=clientAuth")
                        .exit());
        try (RedfishFixture f = RedfishFixture.startGenerating(dir, o -> o.openSsl(openSsl))) {
            for (String version : new String[] {"-tls1_2", "-tls1_3"}) {
                OpenSslCli.Result r =
                        OpenSslCli.handshake(dir, f.port(), version, "-cert", cert.toString(), "-key", key.toString());
                // s_client prints these two only after a CertificateRequest
                assertFalse(r.output().contains("Requested Signature Algorithms"), version + ": " + r.output());
                assertFalse(r.output().contains("Client Certificate Types"), version + ": " + r.output());
                assertTrue(r.output().contains("Cipher is "), version + ": " + r.output());
            }
        }
    }

    private static Instant date(String text, String field) {
        Matcher m = Pattern.compile(field + "\\s*:\\s*(.+GMT)").matcher(text);
        assertTrue(m.find(), text);
        return OPENSSL_DATE.parse(m.group(1).trim(), Instant::from);
    }

    private void refused(RedfishFixture f, String cipher) {
        OpenSslCli.Result r = OpenSslCli.handshake(dir, f.port(), "-tls1_2", "-cipher", cipher + ":@SECLEVEL=0");
        assertNotEquals(0, r.exit(), cipher + " must be refused: " + r.output());
        assertTrue(!r.output().contains("Cipher is " + cipher), r.output());
    }

    private void accepted(RedfishFixture f, String cipher) {
        OpenSslCli.Result r = OpenSslCli.handshake(dir, f.port(), "-tls1_2", "-cipher", cipher);
        assertTrue(r.output().contains("Cipher is " + cipher), cipher + " must be served: " + r.output());
    }
}
