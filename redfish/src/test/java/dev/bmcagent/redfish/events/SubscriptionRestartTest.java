package dev.bmcagent.redfish.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.redfish.backend.EventSeverity;
import dev.bmcagent.redfish.backend.InMemorySubscriptionPersistence;
import dev.bmcagent.redfish.backend.StoredSubscription;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push subscriptions kept in a {@link InMemorySubscriptionPersistence} survive a restart of the server. */
class SubscriptionRestartTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ADMIN = "admin:secret";
    static final String SUBS = "/redfish/v1/EventService/Subscriptions";

    @TempDir
    Path dir;

    Vertx receiverVertx;
    HttpServer receiver;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();

    @BeforeEach
    void receiver() throws Exception {
        receiverVertx = Vertx.vertx();
        receiver = receiverVertx
                .createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> {
                    try {
                        received.add(MAPPER.readTree(b.getBytes()));
                        tokens.add(String.valueOf(req.getHeader("X-Token")));
                    } catch (java.io.IOException e) {
                        received.add(MAPPER.createObjectNode().put("unparseable", b.toString()));
                    }
                    req.response().setStatusCode(204).end();
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        receiverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String destination() {
        return "http://127.0.0.1:" + receiver.actualPort() + "/events";
    }

    @Test
    void pushSubscriptionIsListedAndDeliveredToAfterRestart() throws Exception {
        InMemorySubscriptionPersistence store = new InMemorySubscriptionPersistence();
        String kept;
        try (RedfishFixture f = RedfishFixture.start(dir, o -> o, store)) {
            HttpResult created = f.curl.send(
                    "POST",
                    SUBS,
                    "{\"Destination\":\"" + destination()
                            + "\",\"Protocol\":\"Redfish\",\"Context\":\"before\",\"HttpHeaders\":{\"X-Token\":\"t-5678\"},"
                            + "\"RegistryPrefixes\":[\"BmcAgentBoot\"],\"DeliveryRetryPolicy\":\"SuspendRetries\"}",
                    "-u",
                    ADMIN);
            assertEquals(201, created.status(), created.body());
            kept = created.header("Location");
            String gone = f.curl.send(
                            "POST",
                            SUBS,
                            "{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\"}",
                            "-u",
                            ADMIN)
                    .header("Location");
            assertEquals(204, f.curl.send("DELETE", gone, null, "-u", ADMIN).status());
            assertEquals(
                    200,
                    f.curl.send("PATCH", kept, "{\"Context\":\"patched\"}", "-u", ADMIN)
                            .status());
        }
        assertEquals(1, store.load().size());
        assertEquals("t-5678", store.load().get(0).httpHeaders().get("X-Token"));

        try (RedfishFixture f = RedfishFixture.start(dir, o -> o, store)) {
            JsonNode members = f.curl.get(SUBS, "-u", ADMIN).json().get("Members");
            assertEquals(1, members.size());
            assertEquals(kept, members.get(0).get("@odata.id").asText());
            JsonNode s = f.curl.get(kept, "-u", ADMIN).json();
            assertEquals(destination(), s.get("Destination").asText());
            assertEquals("patched", s.get("Context").asText());
            assertEquals("SuspendRetries", s.get("DeliveryRetryPolicy").asText());
            assertEquals(
                    List.of("BmcAgentBoot"),
                    List.of(s.get("RegistryPrefixes").get(0).asText()));
            assertTrue(s.get("HttpHeaders").isArray() && s.get("HttpHeaders").isEmpty(), "never returned");
            assertEquals("Enabled", s.at("/Status/State").asText());

            f.events.publish(
                    BootMessage.PowerStateChanged.messageId(),
                    List.of("host1", "On", "after restart"),
                    "/redfish/v1/Systems/host1",
                    EventSeverity.OK);
            await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 1);
            assertEquals("patched", received.get(0).get("Context").asText());
            assertEquals(
                    "after restart",
                    received.get(0).at("/Events/0/MessageArgs/2").asText());
            assertEquals(List.of("t-5678"), tokens);

            String fresh = f.curl.send(
                            "POST",
                            SUBS,
                            "{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\"}",
                            "-u",
                            ADMIN)
                    .header("Location");
            assertNotEquals(kept, fresh, "a fresh id does not reuse a restored one");
        }
    }

    @Test
    void malformedStoredEntriesAreSkippedAndSuspendedStateKept() throws Exception {
        InMemorySubscriptionPersistence store = new InMemorySubscriptionPersistence();
        store.save(new StoredSubscription(
                "7", destination(), "bad", Map.of(), List.of(), List.of(), "RetryForever", "admin", false));
        store.save(new StoredSubscription(
                "../x", destination(), "bad", Map.of(), List.of(), List.of(), "TerminateAfterRetries", "admin", false));
        store.save(new StoredSubscription(
                "9",
                "http://192.0.2.1/",
                "bad",
                Map.of(),
                List.of(),
                List.of(),
                "TerminateAfterRetries",
                "admin",
                false));
        store.save(new StoredSubscription(
                "12", destination(), "good", Map.of(), List.of(), List.of(), "SuspendRetries", "admin", true));
        try (RedfishFixture f = RedfishFixture.start(dir, o -> o, store)) {
            JsonNode members = f.curl.get(SUBS, "-u", ADMIN).json().get("Members");
            assertEquals(1, members.size());
            assertEquals(SUBS + "/12", members.get(0).get("@odata.id").asText());
            assertEquals(
                    "Disabled",
                    f.curl.get(SUBS + "/12", "-u", ADMIN)
                            .json()
                            .at("/Status/State")
                            .asText());
            assertEquals(
                    204,
                    f.curl.send("POST", SUBS + "/12/Actions/EventDestination.ResumeSubscription", "{}", "-u", ADMIN)
                            .status());
            assertTrue(store.load().stream().filter(s -> s.id().equals("12")).noneMatch(StoredSubscription::suspended));
            String fresh = f.curl.send(
                            "POST",
                            SUBS,
                            "{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\"}",
                            "-u",
                            ADMIN)
                    .header("Location");
            assertEquals(SUBS + "/13", fresh);
        }
    }
}
