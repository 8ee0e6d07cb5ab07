package dev.bmcagent.redfish.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 8: one low-privilege account could take all 64 Redfish sessions and all 32 event subscriptions.
 * Now a non-Administrator account holds at most 8 sessions and 4 subscriptions, and the last 8 sessions and 4
 * subscriptions are kept for Administrators.
 */
class QuotaCurlTest {
    static final String LOGIN = "/redfish/v1/SessionService/Sessions";
    static final String SSE = "/redfish/v1/EventService/SSE";

    @TempDir
    Path dir;

    private static HttpResult login(RedfishFixture f, String user, String password) {
        return f.curl.send("POST", LOGIN, "{\"UserName\":\"" + user + "\",\"Password\":\"" + password + "\"}");
    }

    @Test
    void aReadOnlyAccountGetsEightSessionsOfSixtyFourAndTheAdminStillLogsIn() throws Exception {
        try (RedfishFixture f = RedfishFixture.start(dir)) {
            for (int i = 0; i < 8; i++) {
                assertEquals(201, login(f, "reader", "readonly1").status());
            }
            HttpResult ninth = login(f, "reader", "readonly1");
            assertEquals(503, ninth.status());
            assertEquals("Base.1.19.0.SessionLimitExceeded", ninth.messageId());
            assertEquals(201, login(f, "operator", "opsecret").status(), "another account has its own quota");
            assertEquals(201, login(f, "admin", "secret").status());
        }
    }

    @Test
    void theLastSessionsAreKeptForAdministrators() throws Exception {
        try (RedfishFixture f = RedfishFixture.start(dir, o -> o.maxSessions(16))) {
            for (int i = 0; i < 8; i++) {
                assertEquals(
                        201,
                        login(f, i % 2 == 0 ? "reader" : "operator", i % 2 == 0 ? "readonly1" : "opsecret")
                                .status());
            }
            assertEquals(503, login(f, "operator", "opsecret").status(), "8 of 16 are the administrators' reserve");
            for (int i = 0; i < 8; i++) {
                assertEquals(201, login(f, "admin", "secret").status());
            }
            assertEquals(503, login(f, "admin", "secret").status(), "the whole limit still holds");
        }
    }

    @Test
    void aReadOnlyAccountGetsFourSseStreamsAndTheAdminStillSubscribes() throws Exception {
        List<SseRevocationCurlTest.Stream> open = new ArrayList<>();
        try (RedfishFixture f = RedfishFixture.start(dir)) {
            try {
                for (int i = 0; i < 4; i++) {
                    open.add(SseRevocationCurlTest.Stream.open(f.curl.url(SSE), "-u", "reader:readonly1"));
                }
                HttpResult fifth = f.curl.get(SSE, "-u", "reader:readonly1", "--max-time", "5");
                assertEquals(503, fifth.status());
                assertEquals("Base.1.19.0.EventSubscriptionLimitExceeded", fifth.messageId());
                open.add(SseRevocationCurlTest.Stream.open(f.curl.url(SSE), "-u", "admin:secret"));
            } finally {
                for (SseRevocationCurlTest.Stream s : open) {
                    s.curl().destroy();
                    s.curl().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
