package dev.bmcagent.redfish.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.backend.AccountPatch;
import dev.bmcagent.redfish.backend.InMemorySessionPersistence;
import dev.bmcagent.redfish.backend.RedfishRole;
import dev.bmcagent.redfish.backend.StoredSession;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.InMemoryAccounts;
import dev.bmcagent.redfish.testing.MutableClock;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions kept in an {@link InMemorySessionPersistence} survive a restart of the server, tokens hashed. */
class SessionRestartTest {
    static final String LOGIN = "/redfish/v1/SessionService/Sessions";

    @TempDir
    Path dir;

    final InMemorySessionPersistence persistence = new InMemorySessionPersistence();
    final MutableClock clock = new MutableClock(RedfishFixture.T0);
    InMemoryAccounts accounts;

    RedfishFixture start() throws Exception {
        RedfishFixture f = RedfishFixture.restartable(dir, persistence, clock, accounts);
        accounts = f.accounts;
        return f;
    }

    static HttpResult login(RedfishFixture f, String user, String password) {
        return f.curl.send("POST", LOGIN, "{\"UserName\":\"" + user + "\",\"Password\":\"" + password + "\"}");
    }

    static int getWith(RedfishFixture f, String token) {
        return f.curl.get("/redfish/v1/Systems", "-H", "X-Auth-Token: " + token).status();
    }

    @Test
    void tokenWorksAfterRestartAndOnlyItsHashIsStored() throws Exception {
        String token;
        String location;
        try (RedfishFixture f = start()) {
            HttpResult r = login(f, "admin", "secret");
            token = r.header("X-Auth-Token");
            location = r.header("Location");
        }
        List<StoredSession> stored = persistence.load();
        assertEquals(1, stored.size());
        assertEquals(SessionStore.sha256(token), stored.get(0).tokenSha256());
        assertNotEquals(token, stored.get(0).tokenSha256());
        assertFalse(stored.toString().contains(token), stored::toString);
        clock.advance(Duration.ofMinutes(20));
        try (RedfishFixture f = start()) {
            assertEquals(200, getWith(f, token));
            HttpResult s = f.curl.get(location, "-H", "X-Auth-Token: " + token);
            assertEquals("admin", s.json().get("UserName").asText(), s.body());
            assertEquals(
                    "2026-11-22T08:00:00+00:00", s.json().get("CreatedTime").asText());
            assertEquals(401, getWith(f, token.substring(1) + "0"));
        }
    }

    @Test
    void idleTimeoutCountsTheDowntimeAndExpiredSessionsAreDeleted() throws Exception {
        String token;
        try (RedfishFixture f = start()) {
            token = login(f, "admin", "secret").header("X-Auth-Token");
        }
        clock.advance(Duration.ofMinutes(30));
        try (RedfishFixture f = start()) {
            assertTrue(persistence.load().isEmpty(), "dropped durably at restore");
            assertEquals(401, getWith(f, token));
        }
    }

    @Test
    void logoutAndExpiryWhileRunningAreDurable() throws Exception {
        try (RedfishFixture f = start()) {
            HttpResult a = login(f, "admin", "secret");
            assertEquals(
                    204,
                    f.curl.send("DELETE", a.header("Location"), null, "-u", "admin:secret")
                            .status());
            login(f, "operator", "opsecret");
            assertEquals(1, persistence.load().size());
            f.clock.advance(Duration.ofMinutes(31));
            assertEquals(
                    404, f.curl.get(a.header("Location"), "-u", "admin:secret").status());
            assertTrue(persistence.load().isEmpty(), persistence.load()::toString);
        }
    }

    @Test
    void lastUseIsWrittenAtMostOncePerIntervalAndAtStop() throws Exception {
        String token;
        try (RedfishFixture f = start()) {
            token = login(f, "admin", "secret").header("X-Auth-Token");
            f.clock.advance(Duration.ofSeconds(40));
            assertEquals(200, getWith(f, token));
            assertEquals(RedfishFixture.T0, persistence.load().get(0).lastUsed(), "not written on every request");
            f.clock.advance(Duration.ofSeconds(20));
            assertEquals(200, getWith(f, token));
            assertEquals(
                    RedfishFixture.T0.plusSeconds(60), persistence.load().get(0).lastUsed());
            f.clock.advance(Duration.ofSeconds(5));
            assertEquals(200, getWith(f, token));
        }
        assertEquals(
                RedfishFixture.T0.plusSeconds(65), persistence.load().get(0).lastUsed(), "flushed at stop");
        clock.advance(Duration.ofMinutes(29));
        try (RedfishFixture f = start()) {
            assertEquals(200, getWith(f, token), "idle 29 min counted from the last request, not from login");
        }
    }

    @Test
    void sessionTimeoutSurvivesARestart() throws Exception {
        String token;
        try (RedfishFixture f = start()) {
            assertEquals(
                    200,
                    f.curl.send(
                                    "PATCH",
                                    "/redfish/v1/SessionService",
                                    "{\"SessionTimeout\":7200}",
                                    "-u",
                                    "admin:secret")
                            .status());
            token = login(f, "admin", "secret").header("X-Auth-Token");
        }
        clock.advance(Duration.ofMinutes(90));
        try (RedfishFixture f = start()) {
            assertEquals(
                    7200,
                    f.curl.get("/redfish/v1/SessionService", "-u", "admin:secret")
                            .json()
                            .get("SessionTimeout")
                            .asInt());
            assertEquals(200, getWith(f, token));
        }
    }

    @Test
    void accountChangedWhileDownOrBehindTheServiceEndsItsSessions() throws Exception {
        String admin;
        String reader;
        try (RedfishFixture f = start()) {
            admin = login(f, "admin", "secret").header("X-Auth-Token");
            reader = login(f, "reader", "readonly1").header("X-Auth-Token");
        }
        String readerId = accounts.byUserName("reader").orElseThrow().id();
        accounts.patch(
                readerId,
                new AccountPatch(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(false),
                        Optional.empty())); // disabled while the service was down
        try (RedfishFixture f = start()) {
            assertEquals(200, getWith(f, admin));
            assertEquals(401, getWith(f, reader));
            assertEquals(1, persistence.load().size());
            String adminId = accounts.byUserName("admin").orElseThrow().id();
            accounts.patch(
                    adminId,
                    new AccountPatch(
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(RedfishRole.Operator),
                            Optional.empty(),
                            Optional.empty()));
            assertEquals(401, getWith(f, admin), "role changed behind the service (IPMI)");
            assertTrue(persistence.load().isEmpty());
        }
    }
}
