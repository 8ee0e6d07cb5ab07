package dev.bmcagent.redfish.managers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.LogEntryType;
import dev.bmcagent.redfish.backend.LogEntryView;
import dev.bmcagent.redfish.backend.ResetType;
import dev.bmcagent.redfish.testing.Curl;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagerAndLogActionsCurlTest {
    static final String ADMIN = "admin:secret";

    @TempDir
    Path dir;

    @Test
    void managerResetAndClearLogs() throws Exception {
        try (RedfishFixture f = RedfishFixture.start(dir)) {
            assertEquals(
                    403,
                    f.curl.send(
                                    "POST",
                                    "/redfish/v1/Managers/bmc/Actions/Manager.Reset",
                                    "{\"ResetType\":\"GracefulRestart\"}",
                                    "-u",
                                    "operator:opsecret")
                            .status());
            assertEquals(
                    "Base.1.19.0.ActionParameterValueNotInList",
                    f.curl.send(
                                    "POST",
                                    "/redfish/v1/Managers/bmc/Actions/Manager.Reset",
                                    "{\"ResetType\":\"On\"}",
                                    "-u",
                                    ADMIN)
                            .messageId());
            assertEquals(
                    204,
                    f.curl.send(
                                    "POST",
                                    "/redfish/v1/Managers/bmc/Actions/Manager.Reset",
                                    "{\"ResetType\":\"GracefulRestart\"}",
                                    "-u",
                                    ADMIN)
                            .status());
            assertEquals(List.of(ResetType.GracefulRestart), f.manager.resets);

            f.logs.sel.add(new LogEntryView(
                    "1",
                    RedfishFixture.T0,
                    LogEntryType.SEL,
                    "BaseOSBoot/InstallationStatus",
                    0x10,
                    "Assert",
                    "boot completed",
                    Health.OK,
                    "0x6F010000"));
            assertEquals(
                    403,
                    f.curl.send(
                                    "POST",
                                    "/redfish/v1/Managers/bmc/LogServices/SEL/Actions/LogService.ClearLog",
                                    "{}",
                                    "-u",
                                    "reader:readonly1")
                            .status());
            assertEquals(1, f.logs.sel.size());
            assertEquals(
                    204,
                    f.curl.send(
                                    "POST",
                                    "/redfish/v1/Managers/bmc/LogServices/SEL/Actions/LogService.ClearLog",
                                    "{}",
                                    "-u",
                                    ADMIN)
                            .status());
            assertTrue(f.logs.sel.isEmpty());

            f.logs.cycles.put(
                    "host1",
                    List.of(new BootCycle(
                            3,
                            RedfishFixture.T0,
                            "reset",
                            List.of(),
                            List.of(new BootCycle.PostCodeMark(0x60, RedfishFixture.T0)),
                            List.of(),
                            Optional.empty(),
                            Optional.empty())));
            HttpResult entries = f.curl.get("/redfish/v1/Systems/host1/LogServices/PostCodes/Entries", "-u", ADMIN);
            assertEquals("B3-1", entries.json().at("/Members/0/Id").asText());
            assertEquals(
                    204,
                    f.curl.send(
                                    "POST",
                                    "/redfish/v1/Systems/host1/LogServices/PostCodes/Actions/LogService.ClearLog",
                                    null,
                                    "-u",
                                    "operator:opsecret")
                            .status());
            assertTrue(f.logs.cycles.isEmpty());
        }
    }

    @Test
    void generatedCertificateIsReusedAfterRestart() throws Exception {
        String pin;
        try (RedfishFixture first = RedfishFixture.startGenerating(dir)) {
            pin = pin(dir.resolve("redfish-cert.pem"));
            assertEquals("200", pinnedGet(first.port(), pin));
        }
        byte[] before = Files.readAllBytes(dir.resolve("redfish-tls.pem"));
        try (RedfishFixture second = RedfishFixture.startGenerating(dir)) {
            assertEquals("200", pinnedGet(second.port(), pin));
            assertEquals("000", pinnedGet(second.port(), "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        }
        assertEquals(
                new String(before, java.nio.charset.StandardCharsets.US_ASCII),
                Files.readString(dir.resolve("redfish-tls.pem")));
    }

    static String pin(Path certPem) throws Exception {
        X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certPem)));
        byte[] spki =
                MessageDigest.getInstance("SHA-256").digest(c.getPublicKey().getEncoded());
        return "sha256//" + Base64.getEncoder().encodeToString(spki);
    }

    static String pinnedGet(int port, String pin) {
        return Curl.exec(List.of(
                        "curl",
                        "-sk",
                        "-o",
                        "/dev/null",
                        "-w",
                        "%{http_code}",
                        "--pinnedpubkey",
                        pin,
                        "https://127.0.0.1:" + port + "/redfish/v1/"))
                .trim();
    }
}
