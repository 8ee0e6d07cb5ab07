package dev.bmcagent.redfish.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-site request forgery with the real curl: the bodies and headers a browser on another site can send without a
 * CORS preflight (text/plain, form-encoded, a foreign Origin) never reach a resource; curl, redfishtool and sushy
 * (application/json, no Origin) keep working, and only non-browser clients are offered Basic.
 */
class RequestHygieneCurlTest {
    static final String ADMIN = "admin:secret";
    static final String ACCOUNTS = "/redfish/v1/AccountService/Accounts";

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

    static String newAdmin(String name) {
        return "{\"UserName\":\"" + name + "\",\"Password\":\"pw-Evil-123\",\"RoleId\":\"Administrator\"}";
    }

    @Test
    void textPlainBodyIsRefused415AndCreatesNoAccount() {
        HttpResult r = f.curl.send(
                "POST",
                ACCOUNTS,
                null,
                "-u",
                ADMIN,
                "-H",
                "Content-Type: text/plain",
                "--data-binary",
                newAdmin("csrf1"));
        assertEquals(415, r.status(), r.body());
        assertEquals("Base.1.19.0.UnrecognizedRequestBody", r.messageId());
        assertTrue(f.accounts.byUserName("csrf1").isEmpty());
    }

    @Test
    void formEncodedBodyIsRefused415AndCreatesNoAccount() {
        HttpResult r = f.curl.send("POST", ACCOUNTS, null, "-u", ADMIN, "-d", newAdmin("csrf2"));
        assertEquals(415, r.status(), r.body());
        assertTrue(f.accounts.byUserName("csrf2").isEmpty());
        HttpResult multipart = f.curl.send("PATCH", ACCOUNTS + "/1", null, "-u", ADMIN, "-F", "Locked=false");
        assertEquals(415, multipart.status(), multipart.body());
    }

    @Test
    void jsonWithUtf8CharsetIsAcceptedOtherCharsetsAreNot() {
        HttpResult ok = f.curl.send(
                "POST",
                ACCOUNTS,
                null,
                "-u",
                ADMIN,
                "-H",
                "Content-Type: application/json; charset=UTF-8",
                "--data-binary",
                newAdmin("jsonok"));
        assertEquals(201, ok.status(), ok.body());
        assertEquals(
                415,
                f.curl.send(
                                "POST",
                                ACCOUNTS,
                                null,
                                "-u",
                                ADMIN,
                                "-H",
                                "Content-Type: application/json; charset=iso-8859-1",
                                "--data-binary",
                                newAdmin("latin"))
                        .status());
        assertTrue(f.accounts.byUserName("latin").isEmpty());
    }

    @Test
    void foreignOriginIsRefused403EvenWithJson() {
        HttpResult r =
                f.curl.send("POST", ACCOUNTS, newAdmin("csrf3"), "-u", ADMIN, "-H", "Origin: https://evil.example");
        assertEquals(403, r.status(), r.body());
        assertEquals("Base.1.19.0.HeaderInvalid", r.messageId());
        assertTrue(f.accounts.byUserName("csrf3").isEmpty());
        assertEquals(
                403,
                f.curl.get("/redfish/v1/Systems", "-u", ADMIN, "-H", "Origin: null")
                        .status());
        assertEquals(
                403,
                f.curl.get("/redfish/v1/Systems", "-u", ADMIN, "-H", "Origin: http://127.0.0.1:" + f.port())
                        .status(),
                "plain http is another origin");
        assertEquals(
                403,
                f.curl.get("/redfish/v1/Systems", "-u", ADMIN, "-H", "Origin: https://127.0.0.1:1")
                        .status(),
                "another port is another origin");
    }

    @Test
    void ownOriginIsAccepted() {
        HttpResult r = f.curl.get("/redfish/v1/Systems", "-u", ADMIN, "-H", "Origin: https://127.0.0.1:" + f.port());
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void basicIsOfferedToScriptsButNotToBrowsers() {
        HttpResult script = f.curl.get("/redfish/v1/Systems");
        assertEquals(401, script.status());
        assertTrue(script.header("WWW-Authenticate").startsWith("Basic"));
        for (String marker : new String[] {
            "Sec-Fetch-Mode: navigate",
            "X-Requested-With: XMLHttpRequest",
            "Origin: https://127.0.0.1:" + f.port(),
            "Sec-Fetch-Site: cross-site"
        }) {
            HttpResult browser = f.curl.get("/redfish/v1/Systems", "-H", marker);
            assertEquals(401, browser.status(), marker);
            assertNull(browser.header("WWW-Authenticate"), marker);
        }
    }

    @Test
    void bodylessPostStillWorksForActions() {
        HttpResult r = f.curl.send("POST", "/redfish/v1/SessionService/Sessions", null, "-u", ADMIN);
        assertFalse(r.status() == 415, r.body());
    }
}
