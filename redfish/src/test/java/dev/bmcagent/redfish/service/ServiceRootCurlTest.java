package dev.bmcagent.redfish.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.http.Schema;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.InMemoryManager;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceRootCurlTest {
    @TempDir
    static Path dir;

    static RedfishFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.startGenerating(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void versionObjectIsPublic() {
        HttpResult r = f.curl.get("/redfish");
        assertEquals(200, r.status());
        assertEquals("/redfish/v1/", r.json().get("v1").asText());
    }

    @Test
    void serviceRootIsPublicWithLinksAndUuid() {
        HttpResult r = f.curl.get("/redfish/v1/");
        assertEquals(200, r.status());
        assertEquals(
                "#ServiceRoot.v1_17_0.ServiceRoot", r.json().get("@odata.type").asText());
        assertEquals(
                "/redfish/v1/SessionService/Sessions",
                r.json().at("/Links/Sessions/@odata.id").asText());
        assertEquals(InMemoryManager.UUID_.toString(), r.json().get("UUID").asText());
        assertTrue(r.json().at("/ProtocolFeaturesSupported/SelectQuery").asBoolean());
        assertTrue(
                r.json().at("/ProtocolFeaturesSupported/MultipleHTTPRequests").asBoolean());
        assertEquals("4.0", r.header("OData-Version"));
        assertEquals("GET, HEAD", r.header("Allow"));
        assertTrue(r.header("ETag").startsWith("\""));
    }

    @Test
    void serviceRootWithoutTrailingSlash() {
        assertEquals(200, f.curl.get("/redfish/v1").status());
    }

    @Test
    void metadataReferencesEverySchema() {
        HttpResult r = f.curl.get("/redfish/v1/$metadata");
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/xml"));
        for (Schema s : Schema.values()) {
            assertTrue(r.body().contains("Namespace=\"" + s.namespace() + "\""), s.namespace());
        }
    }

    @Test
    void oemSchemaIsPublicAndReferenced() throws Exception {
        HttpResult r = f.curl.get("/redfish/v1/schemas/BmcAgent_v1.xml");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("<ComplexType Name=\"ComputerSystem\" BaseType=\"Resource.OemObject\">"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String metadata = f.curl.get("/redfish/v1/$metadata").body();
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(metadata.contains("<edmx:Include Namespace=\"BmcAgent.v1_0_0\"/>"));
        assertEquals(
                "#BmcAgent.v1_0_0.ComputerSystem",
                f.curl.get("/redfish/v1/Systems/host1", "-u", "admin:secret")
                        .json()
                        .at("/Oem/BmcAgent/@odata.type")
                        .asText());
    }

    @Test
    void odataServiceDocument() {
        HttpResult r = f.curl.get("/redfish/v1/odata");
        assertEquals(200, r.status());
        assertEquals("/redfish/v1/$metadata", r.json().get("@odata.context").asText());
    }

    @Test
    void unsupportedODataVersionIs412() {
        HttpResult r = f.curl.get("/redfish/v1/", "-H", "OData-Version: 5.0");
        assertEquals(412, r.status());
        assertEquals("Base.1.19.0.HeaderInvalid", r.messageId());
    }

    @Test
    void http11KeepAliveReusesTheTlsConnection() {
        String out = dev.bmcagent.redfish.testing.Curl.exec(java.util.List.of(
                "curl",
                "-sk",
                "-v",
                "--http1.1",
                "-o",
                "/dev/null",
                "-o",
                "/dev/null",
                "-u",
                "admin:secret",
                f.curl.url("/redfish/v1/"),
                f.curl.url("/redfish/v1/Systems")));
        assertTrue(out.contains("Re-using existing connection"), out);
        assertTrue(out.contains("TLSv1.3") || out.contains("TLSv1.2"), out);
    }

    @Test
    void plainHttpIsNotServed() {
        String out = dev.bmcagent.redfish.testing.Curl.exec(java.util.List.of(
                "curl",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--max-time",
                "10",
                "http://127.0.0.1:" + f.port() + "/redfish/v1/"));
        assertEquals("000", out.trim());
    }

    @Test
    void headAnswersHeadersWithoutBody() {
        HttpResult r = f.curl.run("HEAD", "/redfish/v1/Systems/host1", null, "-I", "-u", "admin:secret");
        assertEquals(200, r.status());
        assertTrue(r.header("ETag").startsWith("\""));
        assertEquals("", r.body());
        assertEquals(
                401, f.curl.run("HEAD", "/redfish/v1/Systems/host1", null, "-I").status());
    }

    @Test
    void unsupportedQueryIs501() {
        HttpResult r = f.curl.get("/redfish/v1/Systems?%24orderby=Id", "-u", "admin:secret");
        assertEquals(501, r.status());
        assertEquals("Base.1.19.0.QueryNotSupported", r.messageId());
        assertEquals(
                501,
                f.curl.get("/redfish/v1/Systems?%24search=host", "-u", "admin:secret")
                        .status());
    }

    @Test
    void unknownUriIs404AfterAuthentication() {
        assertEquals(401, f.curl.get("/redfish/v1/Nope").status());
        HttpResult r = f.curl.get("/redfish/v1/Nope", "-u", "admin:secret");
        assertEquals(404, r.status());
        assertEquals("Base.1.19.0.ResourceMissingAtURI", r.messageId());
    }

    @Test
    void unsupportedMethodIs405WithAllow() {
        HttpResult r = f.curl.send("DELETE", "/redfish/v1/", null, "-u", "admin:secret");
        assertEquals(405, r.status());
        assertEquals("GET, HEAD", r.header("Allow"));
        assertEquals("Base.1.19.0.OperationNotAllowed", r.messageId());
    }

    @Test
    void tlsOldProtocolsRefusedAndCertificatePersisted() throws Exception {
        assertTrue(Files.isRegularFile(dir.resolve("redfish-cert.pem")));
        assertTrue(Files.isRegularFile(dir.resolve("redfish-tls.pem")), "chain and key, 0600");
        String out = dev.bmcagent.redfish.testing.Curl.exec(java.util.List.of(
                "curl",
                "-sk",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--tlsv1.1",
                "--tls-max",
                "1.1",
                f.curl.url("/redfish/v1/")));
        assertEquals("000", out.trim());
    }
}
