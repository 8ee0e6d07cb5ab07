package dev.bmcagent.redfish.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request's body timer ends with its response: before, every GET left a 30 s timer holding the request and its
 * routing context, so a 64 MiB heap filled within seconds of load (16,448 contexts live after 5 s of wrk).
 */
class ConnectionTimeoutsTest {
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void answeredRequestsLeaveNoBodyTimer() throws Exception {
        ConnectionTimeouts timeouts =
                new ConnectionTimeouts(vertx, Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(30));
        Router router = Router.router(vertx);
        router.route().handler(timeouts.requestHandler());
        router.route().handler(ctx -> ctx.response().end("ok"));
        HttpServer server = vertx.createHttpServer()
                .connectionHandler(timeouts::opened)
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .await();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/redfish/v1");
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r =
                    client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            HttpResponse<String> p = client.send(
                    HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, p.statusCode());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> timeouts.pendingBodyTimers() == 0);
        assertEquals(1, timeouts.watched(), "one keep-alive connection");
    }
}
