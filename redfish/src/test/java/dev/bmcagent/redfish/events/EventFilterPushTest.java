package dev.bmcagent.redfish.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.redfish.backend.EventFilter;
import dev.bmcagent.redfish.backend.EventSeverity;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCP Service Baseline EventDestination filters, end to end: subscriptions made with curl, events pushed to a real
 * HTTP receiver. ExcludeMessageIds, ExcludeRegistryPrefixes, IncludeOriginOfCondition, OriginResources with and
 * without SubordinateResources.
 */
class EventFilterPushTest {
    private static final String ADMIN = "admin:secret";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    static RedfishFixture f;
    static Vertx vertx;
    static HttpServer receiver;
    static final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.start(dir);
        vertx = Vertx.vertx();
        receiver = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> {
                    try {
                        received.add(MAPPER.readTree(b.getBytes()));
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

    @AfterAll
    static void stop() throws Exception {
        f.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static HttpResult subscribe(String context, String filters) {
        return f.curl.send(
                "POST",
                "/redfish/v1/EventService/Subscriptions",
                "{\"Destination\":\"http://127.0.0.1:"
                        + receiver.actualPort() + "/e\",\"Protocol\":\"Redfish\",\"Context\":\"" + context + "\""
                        + filters
                        + "}",
                "-u",
                ADMIN);
    }

    private static List<String> receivedBy(String context) {
        return received.stream()
                .filter(j -> j.path("Context").asText().equals(context))
                .map(j -> j.at("/Events/0/MessageId").asText())
                .toList();
    }

    @Test
    void eventServiceDeclaresTheFiltersItImplements() {
        JsonNode es = f.curl.get("/redfish/v1/EventService", "-u", ADMIN).json();
        for (String p : List.of(
                "ExcludeMessageId",
                "ExcludeRegistryPrefix",
                "IncludeOriginOfConditionSupported",
                "SubordinateResourcesSupported")) {
            assertTrue(es.get(p).asBoolean(), p);
        }
    }

    @Test
    void filtersDecideWhatIsPushedAndHowItLooks() {
        String progress = BootMessage.BootProgressChanged.messageId();
        String started = BootMessage.BootCycleStarted.messageId();
        HttpResult exclude = subscribe(
                "exclude", ",\"ExcludeMessageIds\":[\"" + progress + "\"]," + "\"IncludeOriginOfCondition\":false");
        assertEquals(201, exclude.status(), exclude.body());
        assertEquals(progress, exclude.json().at("/ExcludeMessageIds/0").asText());
        assertFalse(exclude.json().get("IncludeOriginOfCondition").asBoolean());
        assertEquals(
                201,
                subscribe("excludeAll", ",\"ExcludeRegistryPrefixes\":[\"BmcAgentBoot\"]")
                        .status());
        assertEquals(
                201,
                subscribe(
                                "subordinate",
                                ",\"OriginResources\":[{\"@odata.id\":\"/redfish/v1/Systems\"}],"
                                        + "\"SubordinateResources\":true")
                        .status());
        assertEquals(
                201,
                subscribe("exact", ",\"OriginResources\":[{\"@odata.id\":\"/redfish/v1/Systems\"}]")
                        .status());
        assertEquals(201, subscribe("marker", "").status());

        f.events.publish(progress, List.of("host1", "OSRunning", ""), "/redfish/v1/Systems/host1", EventSeverity.OK);
        f.events.publish(started, List.of("host1", "2", "power on"), "/redfish/v1/Systems/host1", EventSeverity.OK);
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> receivedBy("marker").size() == 2
                        && receivedBy("subordinate").size() == 2
                        && receivedBy("exclude").size() == 1);

        assertEquals(List.of(started), receivedBy("exclude"));
        assertTrue(received.stream()
                .filter(j -> j.path("Context").asText().equals("exclude"))
                .noneMatch(j -> j.at("/Events/0").has("OriginOfCondition")));
        assertEquals(List.of(), receivedBy("excludeAll"));
        assertEquals(List.of(), receivedBy("exact")); // /Systems/host1 is below /Systems, not /Systems itself
        assertTrue(received.stream()
                .filter(j -> j.path("Context").asText().equals("subordinate"))
                .allMatch(j ->
                        j.at("/Events/0/OriginOfCondition/@odata.id").asText().equals("/redfish/v1/Systems/host1")));
    }

    @Test
    void malformedFiltersAreRefusedTogether() {
        HttpResult r = subscribe(
                "bad",
                ",\"ExcludeRegistryPrefixes\":[\"Nope\"],\"SubordinateResources\":\"yes\","
                        + "\"OriginResources\":[{\"@odata.id\":\"http://elsewhere/\"}]");
        assertEquals(400, r.status());
        assertEquals(3, r.json().at("/error/@Message.ExtendedInfo").size(), r.body());
    }

    @Test
    void subordinateMatchingIsByPathSegment() {
        EventFilter f =
                new EventFilter(List.of(), List.of("/redfish/v1/Systems/host1"), List.of(), List.of(), true, true);
        assertTrue(f.passes("BmcAgentBoot", "x", "/redfish/v1/Systems/host1/LogServices"));
        assertFalse(f.passes("BmcAgentBoot", "x", "/redfish/v1/Systems/host10"));
        assertTrue(f.passes("BmcAgentBoot", "x", "/redfish/v1/Systems/host1"));
    }
}
