package dev.bmcagent.redfish.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 9: an SSE stream (curl -N) ends with the credentials it was opened with: at logout, at idle expiry
 * of its session, when its account is deleted. Before, the stream kept delivering events.
 */
class SseRevocationCurlTest {
    static final String ADMIN = "admin:secret";
    static final String SSE = "/redfish/v1/EventService/SSE";

    @TempDir
    Path dir;

    RedfishFixture f;

    @BeforeEach
    void start() throws Exception {
        f = RedfishFixture.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    /** A running {@code curl -N} on the SSE stream; its output lines are collected. */
    record Stream(Process curl, List<String> lines) {
        static Stream open(String url, String... auth) throws Exception {
            List<String> cmd = new java.util.ArrayList<>(List.of("curl", "-sk", "-N", "--http1.1"));
            cmd.addAll(List.of(auth));
            cmd.add(url);
            Process p = new ProcessBuilder(cmd).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    lines.add("IOException " + e);
                }
            });
            reader.start();
            await().atMost(20, TimeUnit.SECONDS)
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith(": subscription")));
            return new Stream(p, lines);
        }

        void awaitEnded() throws InterruptedException {
            try {
                await().atMost(10, TimeUnit.SECONDS).until(() -> !curl.isAlive());
            } finally {
                curl.destroy();
                curl.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String token(String user, String password) {
        HttpResult r = f.curl.send(
                "POST",
                "/redfish/v1/SessionService/Sessions",
                "{\"UserName\":\"" + user + "\",\"Password\":\"" + password + "\"}");
        assertEquals(201, r.status(), r.body());
        return r.header("X-Auth-Token");
    }

    private int subscriptions() {
        return f.curl.get("/redfish/v1/EventService/Subscriptions", "-u", ADMIN)
                .json()
                .get("Members@odata.count")
                .asInt();
    }

    @Test
    void logoutEndsTheSessionsStream() throws Exception {
        String token = token("admin", "secret");
        Stream s = Stream.open(f.curl.url(SSE), "-H", "X-Auth-Token: " + token);
        HttpResult me = f.curl.get("/redfish/v1/SessionService/Sessions", "-H", "X-Auth-Token: " + token);
        String location = me.json().get("Members").get(0).get("@odata.id").asText();
        assertEquals(
                204,
                f.curl.send("DELETE", location, null, "-H", "X-Auth-Token: " + token)
                        .status());
        s.awaitEnded();
        assertEquals(0, subscriptions(), "the SSE subscription went with the stream");
    }

    @Test
    void idleExpiryOfTheSessionEndsItsStream() throws Exception {
        String token = token("admin", "secret");
        Stream s = Stream.open(f.curl.url(SSE), "-H", "X-Auth-Token: " + token);
        f.clock.advance(Duration.ofMinutes(31));
        s.awaitEnded();
    }

    @Test
    void deletingTheAccountEndsItsBasicAuthStream() throws Exception {
        HttpResult c = f.curl.send(
                "POST",
                "/redfish/v1/AccountService/Accounts",
                "{\"UserName\":\"watcher\",\"Password\":\"watch123\",\"RoleId\":\"ReadOnly\"}",
                "-u",
                ADMIN);
        assertEquals(201, c.status(), c.body());
        Stream s = Stream.open(f.curl.url(SSE), "-u", "watcher:watch123");
        Stream admin = Stream.open(f.curl.url(SSE), "-u", ADMIN);
        assertEquals(
                204,
                f.curl.send("DELETE", c.header("Location"), null, "-u", ADMIN).status());
        s.awaitEnded();
        assertEquals(1, subscriptions(), "the admin's own stream stays");
        admin.curl.destroy();
        admin.curl.waitFor(10, TimeUnit.SECONDS);
    }
}
