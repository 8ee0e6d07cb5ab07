package dev.bmcagent.redfish.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.MutableClock;
import dev.bmcagent.redfish.testing.OpenSslCli;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GenerateCSR → a test CA (the real openssl) signs it → ReplaceCertificate → a new openssl s_client connection is
 * served the new certificate, without a restart, and after one; bad replacements leave the served one in place.
 */
class CertificateServiceCurlTest {
    private static final String ADMIN = "admin:secret";
    private static final String CERTS = "/redfish/v1/Managers/bmc/NetworkProtocol/HTTPS/Certificates";
    private static final String GENERATE = "/redfish/v1/CertificateService/Actions/CertificateService.GenerateCSR";
    private static final String REPLACE =
            "/redfish/v1/CertificateService/Actions/CertificateService.ReplaceCertificate";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void csrSignedByACaIsServedToNewConnectionsAndSurvivesARestart() throws Exception {
        Path work = Files.createDirectories(dir.resolve("ca"));
        Path data = Files.createDirectories(dir.resolve("data"));
        try (RedfishFixture f = RedfishFixture.startGenerating(data)) {
            HttpResult service = f.curl.get("/redfish/v1/CertificateService", "-u", ADMIN);
            assertEquals(
                    GENERATE,
                    service.json()
                            .at("/Actions/#CertificateService.GenerateCSR/target")
                            .asText());
            String info = service.json()
                    .at("/Actions/#CertificateService.GenerateCSR/@Redfish.ActionInfo")
                    .asText();
            assertEquals(
                    "KeyCurveId",
                    f.curl.get(info, "-u", ADMIN)
                            .json()
                            .at("/Parameters/11/Name")
                            .asText());
            assertEquals(
                    CERTS + "/1",
                    f.curl.get("/redfish/v1/CertificateService/CertificateLocations", "-u", ADMIN)
                            .json()
                            .at("/Links/Certificates/0/@odata.id")
                            .asText());
            assertEquals(
                    CERTS,
                    f.curl.get("/redfish/v1/Managers/bmc/NetworkProtocol", "-u", ADMIN)
                            .json()
                            .at("/HTTPS/Certificates/@odata.id")
                            .asText());
            String original = servedFingerprint(work, f);
            assertEquals(
                    original,
                    f.curl.get(CERTS + "/1", "-u", ADMIN)
                            .json()
                            .path("Fingerprint")
                            .asText());

            // an EC P-384 CSR, then the RSA 3072 one whose key the certificate will use
            String ec = csr(f, "{\"KeyPairAlgorithm\":\"TPM_ALG_ECDSA\",\"KeyCurveId\":\"TPM_ECC_NIST_P384\",");
            assertTrue(verifyCsr(work, ec).contains("secp384r1"), verifyCsr(work, ec));
            String rsa = csr(f, "{\"KeyPairAlgorithm\":\"TPM_ALG_RSA\",\"KeyBitLength\":3072,");
            String csrText = verifyCsr(work, rsa);
            assertTrue(csrText.contains("Public-Key: (3072 bit)"), csrText);
            assertTrue(csrText.contains("CN = bmc.example.test"), csrText);
            assertTrue(csrText.contains("IP Address:127.0.0.1"), csrText);
            assertEquals(
                    403,
                    f.curl.send("POST", GENERATE, "{}", "-u", "reader:readonly1")
                            .status());

            // a test CA signs it
            ok(OpenSslCli.selfSigned(
                    work, "ec", work.resolve("ca.key"), work.resolve("ca.pem"), 60, "/CN=Test CA/O=bmc-agent tests"));
            ok(OpenSslCli.run(
                    work,
                    "x509",
                    "-req",
                    "-in",
                    "server.csr",
                    "-CA",
                    "ca.pem",
                    "-CAkey",
                    "ca.key",
                    "-CAcreateserial",
                    "-days",
                    "30",
                    "-copy_extensions",
                    "copy",
                    "-out",
                    "server.pem"));
            String leaf = Files.readString(work.resolve("server.pem"));
            String chain = leaf + Files.readString(work.resolve("ca.pem"));
            moveClockTo(f.clock, notBefore(work).plusSeconds(60));

            // refused, and the served certificate stays
            assertRefused(f, replace("this is not a certificate", "PEM"));
            assertRefused(f, replace(leaf + Files.readString(work.resolve("ca.key")), "PEM")); // wrong key
            f.clock.advance(Duration.ofDays(31));
            assertRefused(f, replace(chain, "PEMchain")); // expired
            f.clock.advance(Duration.ofDays(-31));
            assertRefused(f, replace(chain, "PEM")); // two certificates are not "PEM"
            assertEquals(
                    403,
                    f.curl.send("POST", REPLACE, replace(chain, "PEMchain"), "-u", "reader:readonly1")
                            .status());
            assertEquals(original, servedFingerprint(work, f));

            HttpResult replaced = f.curl.send("POST", REPLACE, replace(chain, "PEMchain"), "-u", ADMIN);
            assertEquals(200, replaced.status(), replaced.body());
            String served = OpenSslCli.servedCertificateText(work, f.port());
            assertTrue(served.contains("Subject: C = DE, O = bmc-agent tests, CN = bmc.example.test"), served);
            assertTrue(served.contains("Issuer: CN = Test CA, O = bmc-agent tests"), served);
            HttpResult cert = f.curl.get(CERTS + "/1", "-u", ADMIN);
            assertEquals(
                    "bmc.example.test", cert.json().at("/Subject/CommonName").asText());
            assertEquals("Test CA", cert.json().at("/Issuer/CommonName").asText());
            assertEquals("PEMchain", cert.json().path("CertificateType").asText());
            assertEquals(
                    servedFingerprint(work, f), cert.json().path("Fingerprint").asText());
            assertTrue(cert.json().path("KeyUsage").toString().contains("ServerAuthentication"), cert.body());
            assertFalse(cert.json().path("CertificateString").asText().contains("PRIVATE"));
            assertEquals(
                    PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(data.resolve(CertificateStore.TLS_FILE)));
            assertFalse(Files.exists(data.resolve(CertificateStore.CSR_KEY_FILE)), "the CSR key was used up");
        }
        try (RedfishFixture restarted = RedfishFixture.startGenerating(data)) {
            String served = OpenSslCli.servedCertificateText(work, restarted.port());
            assertTrue(served.contains("CN = bmc.example.test"), served);
        }
    }

    private static void assertRefused(RedfishFixture f, String body) {
        HttpResult r = f.curl.send("POST", REPLACE, body, "-u", ADMIN);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.messageId().startsWith("Base.1.19.0.ActionParameter"), r.body());
    }

    private String csr(RedfishFixture f, String keyParams) throws Exception {
        HttpResult r = f.curl.send(
                "POST",
                GENERATE,
                keyParams + "\"CertificateCollection\":{\"@odata.id\":\""
                        + CERTS + "\"},\"CommonName\":\"bmc.example.test\",\"Organization\":\"bmc-agent tests\","
                        + "\"Country\":\"DE\",\"AlternativeNames\":[\"127.0.0.1\",\"bmc.example.test\"]}",
                "-u",
                ADMIN);
        assertEquals(200, r.status(), r.body());
        assertEquals(CERTS, r.json().at("/CertificateCollection/@odata.id").asText());
        return r.json().path("CSRString").asText();
    }

    private static String verifyCsr(Path work, String pem) throws Exception {
        Files.writeString(work.resolve("server.csr"), pem);
        OpenSslCli.Result r = OpenSslCli.run(work, "req", "-in", "server.csr", "-noout", "-text", "-verify");
        ok(r);
        assertTrue(
                r.output().contains("verify OK")
                        || r.output().contains("Certificate request self-signature " + "verify OK"),
                r.output());
        return r.output();
    }

    private static String replace(String pem, String type) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("CertificateString", pem);
        body.put("CertificateType", type);
        body.putObject("CertificateUri").put("@odata.id", CERTS + "/1");
        return JSON.writeValueAsString(body);
    }

    private static String servedFingerprint(Path work, RedfishFixture f) {
        Matcher m =
                Pattern.compile("Fingerprint=([0-9A-F:]+)").matcher(OpenSslCli.servedCertificateText(work, f.port()));
        assertTrue(m.find());
        return m.group(1);
    }

    private static Instant notBefore(Path work) {
        String out = OpenSslCli.run(work, "x509", "-in", "server.pem", "-noout", "-startdate", "-dateopt", "iso_8601")
                .output();
        return Instant.parse(
                out.trim().replace("notBefore=", "").replace(" ", "T").replace("TZ", "Z"));
    }

    private static void moveClockTo(MutableClock clock, Instant t) {
        clock.advance(Duration.between(clock.instant(), t));
    }

    private static void ok(OpenSslCli.Result r) {
        assertEquals(0, r.exit(), r.output());
    }
}
