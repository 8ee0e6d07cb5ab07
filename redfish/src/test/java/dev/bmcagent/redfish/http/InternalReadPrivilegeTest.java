package dev.bmcagent.redfish.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.RedfishRole;
import dev.bmcagent.redfish.testing.InMemoryAccounts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Internal reads run the real route checks: a real server on 127.0.0.1 with the production handler chain
 * (ODataHandler, AuthHandler, Routes) and a few routes of its own, one needing ConfigureManager, one an event
 * stream. A ReadOnly caller's {@code $expand}/{@code $filter} must not reach what its own GET could not.
 */
class InternalReadPrivilegeTest {
    static final String OPEN = "/redfish/v1/Open";
    static final String SECRET = "/redfish/v1/Secret";
    static final String MINE = "/redfish/v1/Mine";
    static final String STREAM = "/redfish/v1/Stream";
    static final String THINGS = "/redfish/v1/Things";

    static Vertx vertx;
    static HttpServer server;
    static final AtomicInteger streamsOpened = new AtomicInteger();
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        InMemoryAccounts accounts = new InMemoryAccounts();
        accounts.add("admin", "secret", RedfishRole.Administrator);
        accounts.add("reader", "readonly1", RedfishRole.ReadOnly);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(new ODataHandler());
        router.route().handler(new AuthHandler(accounts, token -> Optional.empty()));
        Routes routes = new Routes(router);
        routes.get(OPEN, PrivilegeType.Login, (ctx, p) -> {
            ObjectNode n = Json.object().put("@odata.id", OPEN);
            n.set("Secret", Json.link(SECRET));
            n.set("Mine", Json.link(MINE));
            n.set("Stream", Json.link(STREAM));
            n.set("Missing", Json.link("/redfish/v1/Missing"));
            Responses.resource(ctx, n);
        });
        routes.get(
                SECRET,
                PrivilegeType.ConfigureManager,
                (ctx, p) -> Responses.resource(
                        ctx, Json.object().put("@odata.id", SECRET).put("Code", 0x1234)));
        routes.get(
                MINE,
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx, Json.object().put("@odata.id", MINE).put("User", p.userName())));
        routes.stream(STREAM, PrivilegeType.Login, (ctx, p) -> {
            streamsOpened.incrementAndGet();
            ctx.response()
                    .setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .end("data: x\n\n");
        });
        routes.get(
                THINGS,
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(THINGS, Schema.COMPUTER_SYSTEM_COLLECTION, "Things", List.of(SECRET, MINE))));
        routes.finish();
        router.route()
                .handler(ctx ->
                        Responses.error(ctx, RedfishError.of(BaseMessage.ResourceMissingAtURI, ctx.normalizedPath())));
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static JsonNode get(String user, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + pathAndQuery))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = client.send(r, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "application/json;charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(""));
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void expandRunsEachReadWithTheCallersPrivileges() throws Exception {
        JsonNode reader = get("reader:readonly1", OPEN + "?%24expand=*");
        assertEquals(Json.link(SECRET), reader.get("Secret"), "ReadOnly lacks ConfigureManager: stays a hyperlink");
        assertEquals("reader", reader.at("/Mine/User").asText());
        assertEquals(Json.link("/redfish/v1/Missing"), reader.get("Missing"));

        JsonNode admin = get("admin:secret", OPEN + "?%24expand=*");
        assertEquals(0x1234, admin.at("/Secret/Code").asInt());
        assertEquals("admin", admin.at("/Mine/User").asText());
    }

    @Test
    void streamsAreNeverOpenedByAnInternalRead() throws Exception {
        int before = streamsOpened.get();
        JsonNode admin = get("admin:secret", OPEN + "?%24expand=*");
        assertEquals(Json.link(STREAM), admin.get("Stream"));
        assertEquals(before, streamsOpened.get());
    }

    @Test
    void filterJudgesOnlyMembersTheCallerCanRead() throws Exception {
        String query = THINGS + "?%24filter=%40odata.id%20ne%20%27%2Fnone%27";
        JsonNode reader = get("reader:readonly1", query);
        assertEquals(List.of(Json.link(MINE)), List.<JsonNode>copyOf(toList(reader.get("Members"))));
        assertEquals(1, reader.get("Members@odata.count").asInt());
        JsonNode admin = get("admin:secret", query);
        assertEquals(2, admin.get("Members@odata.count").asInt());
    }

    static List<JsonNode> toList(JsonNode array) {
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
