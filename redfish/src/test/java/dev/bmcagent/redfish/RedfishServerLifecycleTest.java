package dev.bmcagent.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.redfish.backend.RedfishBackends;
import dev.bmcagent.redfish.testing.Curl;
import dev.bmcagent.redfish.testing.InMemoryAccounts;
import dev.bmcagent.redfish.testing.InMemoryChassis;
import dev.bmcagent.redfish.testing.InMemoryEvents;
import dev.bmcagent.redfish.testing.InMemoryLogs;
import dev.bmcagent.redfish.testing.InMemoryManager;
import dev.bmcagent.redfish.testing.InMemorySystems;
import dev.bmcagent.redfish.testing.MutableClock;
import dev.bmcagent.redfish.testing.RedfishFixture;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedfishServerLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void serverOnSharedVertxStopsWithoutClosingIt() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            MutableClock clock = new MutableClock(RedfishFixture.T0);
            InMemoryEvents events = new InMemoryEvents(clock);
            RedfishServer server = new RedfishServer(
                    vertx,
                    new RedfishOptions().port(0).dataDir(dir),
                    new RedfishBackends(
                            new InMemorySystems(),
                            new InMemoryChassis(),
                            new InMemoryManager(clock),
                            new InMemoryLogs(),
                            new InMemoryAccounts(),
                            events),
                    clock);
            server.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(1, events.listenerCount());
            assertEquals(
                    "200",
                    Curl.exec(List.of(
                                    "curl",
                                    "-sk",
                                    "-o",
                                    "/dev/null",
                                    "-w",
                                    "%{http_code}",
                                    "https://127.0.0.1:" + server.port() + "/redfish/v1/"))
                            .trim());
            server.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(0, events.listenerCount());
            assertEquals(
                    42,
                    vertx.executeBlocking(() -> 42)
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void defaultsAreLoopbackAnd8443() {
        RedfishOptions o = new RedfishOptions();
        assertEquals("127.0.0.1", o.host());
        assertEquals(8443, o.port());
        assertEquals(List.of("127.0.0.1", "::1"), o.eventDestinationHosts());
    }
}
