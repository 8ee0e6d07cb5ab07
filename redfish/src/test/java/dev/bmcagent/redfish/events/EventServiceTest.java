package dev.bmcagent.redfish.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.redfish.backend.EventSeverity;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventServiceTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ADMIN = "admin:secret";

    @TempDir
    static Path dir;

    static RedfishFixture f;
    static Vertx receiverVertx;
    static HttpServer receiver;
    static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    static final List<Map.Entry<String, String>> receivedHeaders = new CopyOnWriteArrayList<>();
    static final AtomicInteger failNext = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.start(
                dir, o -> o.deliveryRetryInterval(Duration.ofMillis(50)).deliveryRetryAttempts(2));
        receiverVertx = Vertx.vertx();
        receiver = receiverVertx
                .createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> {
                    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        req.response().setStatusCode(503).end();
                        return;
                    }
                    try {
                        received.add(MAPPER.readTree(b.getBytes()));
                        receivedHeaders.add(Map.entry(req.path(), String.valueOf(req.getHeader("X-Token"))));
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
        receiverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void clean() {
        received.clear();
        receivedHeaders.clear();
        failNext.set(0);
        for (JsonNode m : f.curl.get("/redfish/v1/EventService/Subscriptions", "-u", ADMIN)
                .json()
                .get("Members")) {
            f.curl.send("DELETE", m.get("@odata.id").asText(), null, "-u", ADMIN);
        }
    }

    String destination() {
        return "http://127.0.0.1:" + receiver.actualPort() + "/events";
    }

    HttpResult subscribe(String body) {
        return f.curl.send("POST", "/redfish/v1/EventService/Subscriptions", body, "-u", ADMIN);
    }

    @Test
    void sseStreamCarriesOneIdPerEventInOrderAndClosingDeletesTheSubscription() throws Exception {
        Process curl = new ProcessBuilder(
                        "curl", "-sk", "-N", "--http1.1", "-u", ADMIN, f.curl.url("/redfish/v1/EventService/SSE"))
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(curl.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("IOException " + e);
            }
        });
        reader.start();
        try {
            await().atMost(20, TimeUnit.SECONDS)
                    .until(() -> f.events.listenerCount() == 1
                            && lines.stream().anyMatch(l -> l.startsWith(": subscription")));
            HttpResult subs = f.curl.get("/redfish/v1/EventService/Subscriptions", "-u", ADMIN);
            assertEquals(1, subs.json().get("Members@odata.count").asInt());
            f.events.publish(
                    BootMessage.BootProgressChanged.messageId(),
                    List.of("host1", "MemoryInitializationStarted", ""),
                    "/redfish/v1/Systems/host1",
                    EventSeverity.OK);
            f.events.publish(
                    BootMessage.BootProgressChanged.messageId(),
                    List.of("host1", "OSRunning", ""),
                    "/redfish/v1/Systems/host1",
                    EventSeverity.OK);
            await().atMost(20, TimeUnit.SECONDS)
                    .until(() ->
                            lines.stream().filter(l -> l.startsWith("data: ")).count() == 2);
            List<Long> ids = lines.stream()
                    .filter(l -> l.startsWith("id: "))
                    .map(l -> Long.parseLong(l.substring(4)))
                    .toList();
            assertEquals(2, ids.size());
            assertEquals(ids.get(0) + 1, ids.get(1));
            List<JsonNode> data = lines.stream()
                    .filter(l -> l.startsWith("data: "))
                    .map(l -> read(l.substring(6)))
                    .toList();
            assertEquals(
                    "The boot progress of host1 changed to MemoryInitializationStarted ().",
                    data.get(0).at("/Events/0/Message").asText());
            assertEquals("OSRunning", data.get(1).at("/Events/0/MessageArgs/1").asText());
            assertEquals(
                    "/redfish/v1/Systems/host1",
                    data.get(1).at("/Events/0/OriginOfCondition/@odata.id").asText());
        } finally {
            curl.destroy();
            curl.waitFor(10, TimeUnit.SECONDS);
        }
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> f.curl.get("/redfish/v1/EventService/Subscriptions", "-u", ADMIN)
                                .json()
                                .get("Members@odata.count")
                                .asInt()
                        == 0);
    }

    @Test
    void sseFilterKeepsOnlyMatchingEvents() throws Exception {
        Process curl = new ProcessBuilder(
                        "curl",
                        "-sk",
                        "-N",
                        "--http1.1",
                        "-u",
                        ADMIN,
                        "-G",
                        "--data-urlencode",
                        "$filter=(ResourceType eq Chassis) or (ResourceType eq Manager)",
                        f.curl.url("/redfish/v1/EventService/SSE"))
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(curl.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("IOException " + e);
            }
        });
        reader.start();
        try {
            await().atMost(20, TimeUnit.SECONDS)
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith(": subscription")));
            f.events.publish(
                    BootMessage.PowerStateChanged.messageId(),
                    List.of("host1", "On", "x"),
                    "/redfish/v1/Systems/host1",
                    EventSeverity.OK);
            f.events.publish(
                    BootMessage.FanModeChanged.messageId(),
                    List.of("host1", "Normal", "S0"),
                    "/redfish/v1/Chassis/host1",
                    EventSeverity.OK);
            await().atMost(20, TimeUnit.SECONDS).until(() -> lines.stream().anyMatch(l -> l.startsWith("data: ")));
            f.events.publish(
                    BootMessage.FanModeChanged.messageId(),
                    List.of("host1", "FailSafe", "S0"),
                    "/redfish/v1/Chassis/host1",
                    EventSeverity.Critical);
            await().atMost(20, TimeUnit.SECONDS)
                    .until(() ->
                            lines.stream().filter(l -> l.startsWith("data: ")).count() == 2);
            assertTrue(lines.stream().filter(l -> l.startsWith("data: ")).allMatch(l -> l.contains("FanModeChanged")));
        } finally {
            curl.destroy();
            curl.waitFor(10, TimeUnit.SECONDS);
        }
        HttpResult bad = f.curl.run(
                "GET",
                "/redfish/v1/EventService/SSE",
                null,
                "-u",
                ADMIN,
                "-G",
                "--data-urlencode",
                "$filter=Colour eq Blue");
        assertEquals(400, bad.status());
        assertEquals("Base.1.19.0.QueryParameterValueFormatError", bad.messageId());
    }

    static JsonNode read(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(s, e);
        }
    }

    @Test
    void pushSubscriptionDeliversWithContextAndHeadersInOrder() {
        HttpResult r = subscribe(
                "{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\","
                        + "\"Context\":\"ctx-1\",\"HttpHeaders\":{\"X-Token\":\"abc\"},\"RegistryPrefixes\":[\"BmcAgentBoot\"]}");
        assertEquals(201, r.status(), r.body());
        assertTrue(r.header("Location").startsWith("/redfish/v1/EventService/Subscriptions/"));
        assertTrue(r.json().get("HttpHeaders").isArray()
                && r.json().get("HttpHeaders").isEmpty());
        for (String state : List.of("S5_G2", "S2_D2", "S0_G0_D0")) {
            f.events.publish(
                    BootMessage.AcpiStateChanged.messageId(),
                    List.of("host1", state, "D0", "false", "host"),
                    "/redfish/v1/Systems/host1",
                    EventSeverity.OK);
        }
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 3);
        assertEquals(
                List.of("S5_G2", "S2_D2", "S0_G0_D0"),
                received.stream()
                        .map(j -> j.at("/Events/0/MessageArgs/1").asText())
                        .toList());
        assertEquals("ctx-1", received.get(0).get("Context").asText());
        assertEquals(Map.entry("/events", "abc"), receivedHeaders.get(0));
    }

    @Test
    void failedDeliveryIsRetriedThenDelivered() {
        assertEquals(
                201,
                subscribe("{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\"}")
                        .status());
        failNext.set(2);
        f.events.publish(
                BootMessage.FanFailSafeEntered.messageId(),
                List.of("host1", "CPU0_Temp unreadable in S0"),
                "/redfish/v1/Chassis/host1",
                EventSeverity.Critical);
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 1);
        assertEquals("Critical", received.get(0).at("/Events/0/MessageSeverity").asText());
    }

    @Test
    void subscriptionTerminatedAfterBoundedRetries() {
        assertEquals(
                201,
                subscribe("{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\","
                                + "\"DeliveryRetryPolicy\":\"TerminateAfterRetries\"}")
                        .status());
        failNext.set(100);
        f.events.publish(
                BootMessage.StuckPreOsRaised.messageId(),
                List.of("host1", "MemoryInitializationStarted", "900"),
                "/redfish/v1/Systems/host1",
                EventSeverity.Critical);
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> f.curl.get("/redfish/v1/EventService/Subscriptions", "-u", ADMIN)
                                .json()
                                .get("Members@odata.count")
                                .asInt()
                        == 0);
        assertEquals(97, failNext.get());
    }

    @Test
    void suspendedSubscriptionResumesAndPatchedContextIsUsed() {
        HttpResult created = subscribe("{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\","
                + "\"DeliveryRetryPolicy\":\"SuspendRetries\",\"Context\":\"old\"}");
        String uri = created.header("Location");
        failNext.set(3);
        f.events.publish(
                BootMessage.PowerStateChanged.messageId(),
                List.of("host1", "Off", "x"),
                "/redfish/v1/Systems/host1",
                EventSeverity.OK);
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> "Disabled"
                        .equals(f.curl.get(uri, "-u", ADMIN)
                                .json()
                                .at("/Status/State")
                                .asText()));
        f.events.publish(
                BootMessage.PowerStateChanged.messageId(),
                List.of("host1", "On", "ignored while suspended"),
                "/redfish/v1/Systems/host1",
                EventSeverity.OK);
        assertEquals(
                "Base.1.19.0.PropertyNotWritable",
                f.curl.send("PATCH", uri, "{\"Destination\":\"http://127.0.0.1:1/\"}", "-u", ADMIN)
                        .messageId());
        assertEquals(
                200,
                f.curl.send("PATCH", uri, "{\"Context\":\"new\"}", "-u", ADMIN).status());
        assertEquals(
                204,
                f.curl.send("POST", uri + "/Actions/EventDestination.ResumeSubscription", "{}", "-u", ADMIN)
                        .status());
        assertEquals(
                "Enabled",
                f.curl.get(uri, "-u", ADMIN).json().at("/Status/State").asText());
        f.events.publish(
                BootMessage.PowerStateChanged.messageId(),
                List.of("host1", "On", "after resume"),
                "/redfish/v1/Systems/host1",
                EventSeverity.OK);
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 1);
        assertEquals("new", received.get(0).get("Context").asText());
        assertEquals(
                "after resume", received.get(0).at("/Events/0/MessageArgs/2").asText());
    }

    @Test
    void filtersByResourceType() {
        assertEquals(
                201,
                subscribe("{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\","
                                + "\"ResourceTypes\":[\"Chassis\"]}")
                        .status());
        f.events.publish(
                BootMessage.PowerStateChanged.messageId(),
                List.of("host1", "On", "button"),
                "/redfish/v1/Systems/host1",
                EventSeverity.OK);
        f.events.publish(
                BootMessage.FanModeChanged.messageId(),
                List.of("host1", "FixedDuty", "S2_D2"),
                "/redfish/v1/Chassis/host1",
                EventSeverity.OK);
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 1);
        assertEquals(
                BootMessage.FanModeChanged.messageId(),
                received.get(0).at("/Events/0/MessageId").asText());
    }

    @Test
    void submitTestEventReachesPushSubscribers() {
        assertEquals(
                201,
                subscribe("{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\"}")
                        .status());
        HttpResult r = f.curl.send(
                "POST",
                "/redfish/v1/EventService/Actions/EventService.SubmitTestEvent",
                "{\"MessageId\":\"BmcAgentBoot.1.0.StuckPreOsCleared\",\"MessageArgs\":[\"host1\",\"OSRunning\"],"
                        + "\"OriginOfCondition\":\"/redfish/v1/Systems/host1\"}",
                "-u",
                ADMIN);
        assertEquals(204, r.status(), r.body());
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 1);
        assertEquals(
                "host1 is no longer stuck before the OS (OSRunning).",
                received.get(0).at("/Events/0/Message").asText());
        assertEquals("OK", received.get(0).at("/Events/0/MessageSeverity").asText());
        // EventService v1_10_0: MessageId is required, MessageSeverity is the current severity parameter
        HttpResult missing = f.curl.send(
                "POST",
                "/redfish/v1/EventService/Actions/EventService.SubmitTestEvent",
                "{\"MessageArgs\":[]}",
                "-u",
                ADMIN);
        assertEquals(400, missing.status(), missing.body());
        assertEquals("Base.1.19.0.ActionParameterMissing", missing.messageId());
        assertEquals(
                204,
                f.curl.send(
                                "POST",
                                "/redfish/v1/EventService/Actions/EventService.SubmitTestEvent",
                                "{\"MessageId\":\"BmcAgentBoot.1.0.StuckPreOsRaised\",\"MessageArgs\":[\"host1\",\"S2_D2\",\"600\"],"
                                        + "\"MessageSeverity\":\"Warning\"}",
                                "-u",
                                ADMIN)
                        .status());
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 2);
        assertEquals("Warning", received.get(1).at("/Events/0/MessageSeverity").asText());
    }

    @Test
    void destinationsAndProtocolValidated() {
        assertEquals(
                "Base.1.19.0.PropertyValueNotInList",
                subscribe("{\"Destination\":\"" + destination() + "\",\"Protocol\":\"SNMPv2c\"}")
                        .messageId());
        assertEquals(
                "Base.1.19.0.PropertyValueIncorrect",
                subscribe("{\"Destination\":\"http://10.1.2.3/events\",\"Protocol\":\"Redfish\"}")
                        .messageId());
        assertEquals(
                "Base.1.19.0.PropertyValueFormatError",
                subscribe("{\"Destination\":\"http://u:p@127.0.0.1/x\",\"Protocol\":\"Redfish\"}")
                        .messageId());
        assertEquals(
                "Base.1.19.0.PropertyValueFormatError",
                subscribe("{\"Destination\":\"ftp://127.0.0.1/x\",\"Protocol\":\"Redfish\"}")
                        .messageId());
        assertEquals(
                "Base.1.19.0.PropertyValueNotInList",
                subscribe("{\"Destination\":\"" + destination()
                                + "\",\"Protocol\":\"Redfish\",\"DeliveryRetryPolicy\":\"RetryForever\"}")
                        .messageId());
        assertEquals(
                "Base.1.19.0.PropertyMissing",
                subscribe("{\"Protocol\":\"Redfish\"}").messageId());
        HttpResult ro = f.curl.send(
                "POST",
                "/redfish/v1/EventService/Subscriptions",
                "{\"Destination\":\"" + destination() + "\",\"Protocol\":\"Redfish\"}",
                "-u",
                "reader:readonly1");
        assertEquals(403, ro.status());
    }

    @Test
    void registryIsServed() {
        HttpResult r = f.curl.get("/redfish/v1/Registries/BmcAgentBoot.1.0.0/BmcAgentBoot.1.0.0.json", "-u", ADMIN);
        assertEquals(200, r.status());
        assertEquals("BmcAgentBoot", r.json().get("RegistryPrefix").asText());
        assertEquals(5, r.json().at("/Messages/AcpiStateChanged/NumberOfArgs").asInt());
        assertEquals(
                404,
                f.curl.get("/redfish/v1/Registries/Nope.1.0.0", "-u", ADMIN).status());
    }
}
