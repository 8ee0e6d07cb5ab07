package dev.bmcagent.redfish.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DSP0266 rules the DMTF Protocol Validator checks and this service once missed, through curl. */
class ProtocolConformanceCurlTest {
    private static final String ADMIN = "admin:secret";

    @TempDir
    static Path dir;

    static RedfishFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void onlyWithAValueIsBadRequest() {
        HttpResult r = f.curl.get("/redfish/v1/SessionService/Sessions?only=foo", "-u", ADMIN);
        assertEquals(400, r.status());
        assertEquals("Base.1.19.0.QueryParameterValueFormatError", r.messageId());
        assertEquals(200, f.curl.get("/redfish/v1/Systems?only", "-u", ADMIN).status());
    }

    @Test
    void patchWithOnlyAnnotationsIsNoOperation() {
        HttpResult r = f.curl.send(
                "PATCH", "/redfish/v1/Systems/host1", "{\"@odata.id\":\"/redfish/v1/Systems/host1\"}", "-u", ADMIN);
        assertEquals(400, r.status());
        assertEquals("Base.1.19.0.NoOperation", r.messageId());
        HttpResult mixed = f.curl.send(
                "PATCH",
                "/redfish/v1/Systems/host1",
                "{\"@odata.id\":\"/redfish/v1/Systems/host1\",\"AssetTag\":\"rack-13\"}",
                "-u",
                ADMIN);
        assertEquals("Base.1.19.0.PropertyNotWritable", mixed.messageId());
    }

    @Test
    void postToSessionsMembersLogsIn() {
        HttpResult r = f.curl.send(
                "POST",
                "/redfish/v1/SessionService/Sessions/Members",
                "{\"UserName\":\"reader\",\"Password\":\"readonly1\"}");
        assertEquals(201, r.status());
        assertNotNull(r.header("X-Auth-Token"));
        assertTrue(r.header("Location").startsWith("/redfish/v1/SessionService/Sessions/"));
        assertEquals(
                200,
                f.curl.get("/redfish/v1/Systems", "-H", "X-Auth-Token: " + r.header("X-Auth-Token"))
                        .status());
        assertEquals(
                401,
                f.curl.send(
                                "POST",
                                "/redfish/v1/SessionService/Sessions/Members",
                                "{\"UserName\":\"reader\",\"Password\":\"wrong-pw\"}")
                        .status());
    }

    @Test
    void getAndHeadCarryTheSchemaOfTheDeclaredVersion() {
        HttpResult root = f.curl.get("/redfish/v1/");
        assertEquals(
                "<http://redfish.dmtf.org/schemas/v1/ServiceRoot.v1_17_0.json>; rel=describedby", root.header("Link"));
        HttpResult head = f.curl.run("HEAD", "/redfish/v1/Systems", null, "-I", "-u", ADMIN);
        assertEquals(200, head.status());
        assertEquals(
                "<http://redfish.dmtf.org/schemas/v1/ComputerSystemCollection.json>; rel=describedby",
                head.header("Link"));
        HttpResult system = f.curl.get("/redfish/v1/Systems/host1", "-u", ADMIN);
        String type = system.json().get("@odata.type").asText(); // #ComputerSystem.v1_20_0.ComputerSystem
        assertEquals(
                "<http://redfish.dmtf.org/schemas/v1/" + type.substring(1, type.lastIndexOf('.'))
                        + ".json>; rel=describedby",
                system.header("Link"));
    }
}
