package dev.bmcagent.redfish.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.backend.RedfishRole;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionAndAccountCurlTest {
    static final String ADMIN = "admin:secret";
    static final String LOGIN = "/redfish/v1/SessionService/Sessions";

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

    HttpResult login(String user, String password) {
        return f.curl.send("POST", LOGIN, "{\"UserName\":\"" + user + "\",\"Password\":\"" + password + "\"}");
    }

    @Test
    void noCredentialsIs401WithWwwAuthenticate() {
        HttpResult r = f.curl.get("/redfish/v1/Systems");
        assertEquals(401, r.status());
        assertEquals("Base.1.19.0.NoValidSession", r.messageId());
        assertTrue(r.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals(
                401, f.curl.get("/redfish/v1/Systems", "-u", "ghost:whatever").status());
    }

    @Test
    void sessionCreateUseAndDelete() {
        HttpResult created = login("admin", "secret");
        assertEquals(201, created.status(), created.body());
        String token = created.header("X-Auth-Token");
        String location = created.header("Location");
        assertNotNull(token);
        assertTrue(location.startsWith(LOGIN + "/"));
        assertEquals("admin", created.json().get("UserName").asText());
        assertEquals(
                200,
                f.curl.get("/redfish/v1/Systems/host1", "-H", "X-Auth-Token: " + token)
                        .status());
        assertEquals(200, f.curl.get(location, "-H", "X-Auth-Token: " + token).status());
        assertEquals(
                204,
                f.curl.send("DELETE", location, null, "-H", "X-Auth-Token: " + token)
                        .status());
        assertEquals(
                401,
                f.curl.get("/redfish/v1/Systems/host1", "-H", "X-Auth-Token: " + token)
                        .status());
    }

    @Test
    void badLoginIs401AndLoginBodyValidated() {
        assertEquals(401, login("ghost", "nope-x").status());
        HttpResult missing = f.curl.send("POST", LOGIN, "{\"UserName\":\"admin\"}");
        assertEquals(400, missing.status());
        assertEquals("Base.1.19.0.PropertyMissing", missing.messageId());
        assertEquals(
                "Base.1.19.0.MalformedJSON",
                f.curl.send("POST", LOGIN, "not json").messageId());
    }

    @Test
    void idleSessionExpiresOnTheInjectedClock() {
        String token = login("admin", "secret").header("X-Auth-Token");
        f.clock.advance(Duration.ofMinutes(29));
        assertEquals(
                200,
                f.curl.get("/redfish/v1/Systems", "-H", "X-Auth-Token: " + token)
                        .status());
        f.clock.advance(Duration.ofMinutes(29));
        assertEquals(
                200,
                f.curl.get("/redfish/v1/Systems", "-H", "X-Auth-Token: " + token)
                        .status());
        f.clock.advance(Duration.ofMinutes(31));
        assertEquals(
                401,
                f.curl.get("/redfish/v1/Systems", "-H", "X-Auth-Token: " + token)
                        .status());
    }

    @Test
    void readOnlySessionCannotPatch() {
        String admin = login("admin", "secret").header("Location");
        String token = login("reader", "readonly1").header("X-Auth-Token");
        HttpResult mine = f.curl.get(LOGIN, "-H", "X-Auth-Token: " + token);
        assertTrue(mine.json().get("Members").toString().contains("/Sessions/"));
        assertFalse(mine.json().get("Members").toString().contains(admin), mine.body());
        assertEquals(404, f.curl.get(admin, "-H", "X-Auth-Token: " + token).status());
        HttpResult r = f.curl.send(
                "PATCH", "/redfish/v1/Systems/host1", "{\"AssetTag\":\"q\"}", "-H", "X-Auth-Token: " + token);
        assertEquals(403, r.status());
    }

    @Test
    void accountsCreatePatchDeleteAndPasswordChangeEndsSessions() {
        HttpResult c = f.curl.send(
                "POST",
                "/redfish/v1/AccountService/Accounts",
                "{\"UserName\":\"ops2\",\"Password\":\"pw12345\",\"RoleId\":\"Operator\"}",
                "-u",
                ADMIN);
        assertEquals(201, c.status(), c.body());
        String uri = c.header("Location");
        assertEquals(
                409,
                f.curl.send(
                                "POST",
                                "/redfish/v1/AccountService/Accounts",
                                "{\"UserName\":\"ops2\",\"Password\":\"pw12345\",\"RoleId\":\"Operator\"}",
                                "-u",
                                ADMIN)
                        .status());
        assertEquals(
                "Base.1.19.0.PropertyValueNotInList",
                f.curl.send(
                                "POST",
                                "/redfish/v1/AccountService/Accounts",
                                "{\"UserName\":\"x\",\"Password\":\"pw12345\",\"RoleId\":\"God\"}",
                                "-u",
                                ADMIN)
                        .messageId());
        String token = login("ops2", "pw12345").header("X-Auth-Token");
        HttpResult p = f.curl.send("PATCH", uri, "{\"Password\":\"newpass1\"}", "-u", "ops2:pw12345");
        assertEquals(200, p.status(), p.body());
        assertTrue(p.json().get("Password").isNull());
        assertEquals(
                401,
                f.curl.get("/redfish/v1/Systems", "-H", "X-Auth-Token: " + token)
                        .status());
        assertEquals(
                "Base.1.19.0.PropertyNotWritable",
                f.curl.send("PATCH", uri, "{\"RoleId\":\"Administrator\"}", "-u", "ops2:newpass1")
                        .messageId());
        assertEquals(
                403, f.curl.send("DELETE", uri, null, "-u", "ops2:newpass1").status());
        assertEquals(204, f.curl.send("DELETE", uri, null, "-u", ADMIN).status());
        assertEquals(404, f.curl.get(uri, "-u", ADMIN).status());
    }

    @Test
    void readOnlySeesOnlyItsOwnAccount() {
        HttpResult r = f.curl.get("/redfish/v1/AccountService/Accounts", "-u", "reader:readonly1");
        assertEquals(1, r.json().get("Members@odata.count").asInt());
        assertTrue(f.curl.get("/redfish/v1/AccountService/Accounts", "-u", ADMIN)
                        .json()
                        .get("Members@odata.count")
                        .asInt()
                >= 3);
        HttpResult role = f.curl.get("/redfish/v1/AccountService/Roles/ReadOnly", "-u", ADMIN);
        assertEquals(
                "[\"Login\",\"ConfigureSelf\"]",
                role.json().get("AssignedPrivileges").toString());
    }

    @Test
    void repeatedFailuresLockTheAccountUntilAnAdminUnlocks() {
        f.accounts.add("locky", "goodpw1", RedfishRole.Operator);
        String id = f.accounts.byUserName("locky").orElseThrow().id();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401, f.curl.get("/redfish/v1/Systems", "-u", "locky:bad").status());
        }
        assertEquals(
                401, f.curl.get("/redfish/v1/Systems", "-u", "locky:goodpw1").status());
        HttpResult a = f.curl.get("/redfish/v1/AccountService/Accounts/" + id, "-u", ADMIN);
        assertTrue(a.json().get("Locked").asBoolean());
        assertEquals(
                200,
                f.curl.send("PATCH", "/redfish/v1/AccountService/Accounts/" + id, "{\"Locked\":false}", "-u", ADMIN)
                        .status());
        assertEquals(
                200, f.curl.get("/redfish/v1/Systems", "-u", "locky:goodpw1").status());
        assertFalse(f.accounts.account(id).orElseThrow().locked());
    }

    @Test
    void sessionServiceTimeoutPatchable() {
        HttpResult r = f.curl.send("PATCH", "/redfish/v1/SessionService", "{\"SessionTimeout\":\"long\"}", "-u", ADMIN);
        assertEquals("Base.1.19.0.PropertyValueTypeError", r.messageId());
        assertEquals(
                "Base.1.19.0.PropertyValueIncorrect",
                f.curl.send("PATCH", "/redfish/v1/SessionService", "{\"SessionTimeout\":5}", "-u", ADMIN)
                        .messageId());
    }

    @Test
    void sessionLimitExceeded() throws Exception {
        Path smallDir = java.nio.file.Files.createDirectories(dir.resolve("small"));
        try (RedfishFixture small = RedfishFixture.start(smallDir, o -> o.maxSessions(1))) {
            HttpResult first = small.curl.send("POST", LOGIN, "{\"UserName\":\"admin\",\"Password\":\"secret\"}");
            assertEquals(201, first.status());
            HttpResult second = small.curl.send("POST", LOGIN, "{\"UserName\":\"admin\",\"Password\":\"secret\"}");
            assertEquals(503, second.status());
            assertEquals("Base.1.19.0.SessionLimitExceeded", second.messageId());
        }
    }
}
