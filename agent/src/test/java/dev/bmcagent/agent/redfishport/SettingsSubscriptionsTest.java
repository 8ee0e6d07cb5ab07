package dev.bmcagent.agent.redfishport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.redfish.RedfishOptions;
import dev.bmcagent.redfish.backend.StoredSubscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push subscriptions in a real disk settings store survive closing and reopening the stores. */
class SettingsSubscriptionsTest {
    @TempDir
    Path dir;

    private Stores open() throws Exception {
        return Stores.onDisk(
                dir, Stores.DEFAULT_HISTORY_PER_HOST, JournalOptions.processCrashSafe(), new SecureRandom());
    }

    @Test
    void subscriptionsSurviveARestartAndMalformedOnesAreSkipped() throws Exception {
        StoredSubscription kept = new StoredSubscription(
                "10",
                "http://127.0.0.1:9123/events",
                "ctx-42",
                Map.of("X-Token", "t-5678"),
                List.of("BmcAgentBoot"),
                List.of("ComputerSystem"),
                "SuspendRetries",
                "admin",
                true,
                new dev.bmcagent.redfish.backend.EventFilter(
                        List.of("BmcAgentBoot.1.0.BootStarted"),
                        List.of("/redfish/v1/Systems"),
                        List.of("BmcAgentBoot.1.0.PostCode"),
                        List.of(),
                        true,
                        false));
        StoredSubscription earlier = new StoredSubscription(
                "9",
                "http://127.0.0.1:9124/e",
                "",
                Map.of(),
                List.of(),
                List.of(),
                "TerminateAfterRetries",
                "operator",
                false);
        StoredSubscription deleted = new StoredSubscription(
                "3",
                "http://127.0.0.1:9125/e",
                "",
                Map.of(),
                List.of(),
                List.of(),
                "TerminateAfterRetries",
                "admin",
                false);
        try (Stores stores = open()) {
            try (StoreWriter writer = new StoreWriter()) {
                SettingsSubscriptions port = new SettingsSubscriptions(stores.settings(), writer, stores.cipher());
                port.save(deleted);
                port.save(kept);
                port.save(earlier);
                port.delete("3");
            }
            stores.settings()
                    .put(
                            SettingsSubscriptions.PREFIX + "11",
                            JsonNodeFactory.instance.objectNode().put("destination", 5))
                    .join();
            stores.settings()
                    .put("redfish.system.host0", JsonNodeFactory.instance.objectNode())
                    .join();
        }
        try (Stores stores = open();
                StoreWriter writer = new StoreWriter()) {
            List<StoredSubscription> loaded =
                    new SettingsSubscriptions(stores.settings(), writer, stores.cipher()).load();
            assertEquals(List.of(earlier, kept), loaded);
        }
    }

    @Test
    void subscriptionCreatedOverHttpsIsListedAfterAnAgentRestart() throws Exception {
        String location;
        try (Stores stores = open()) {
            stores.accounts()
                    .put(Account.of("admin", "Restart-Pw-42", Role.ADMINISTRATOR))
                    .join();
            try (RedfishService redfish = service(stores)) {
                List<String> created = curl(
                        redfish.port(),
                        "-X",
                        "POST",
                        "-H",
                        "Content-Type: application/json",
                        "-D",
                        "-",
                        "-d",
                        "{\"Destination\":\"http://127.0.0.1:9/events\",\"Protocol\":\"Redfish\","
                                + "\"Context\":\"ctx-7\",\"HttpHeaders\":{\"X-Token\":\"t-5678\"}}",
                        "/redfish/v1/EventService/Subscriptions");
                location = created.stream()
                        .filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
                        .map(l -> l.substring(9).trim())
                        .findFirst()
                        .orElseThrow();
                assertEquals(0, redfish.storeWriteFailures());
            }
        }
        try (Stores stores = open();
                RedfishService redfish = service(stores)) {
            JsonNode list = json(curl(redfish.port(), "/redfish/v1/EventService/Subscriptions"));
            assertEquals(1, list.get("Members@odata.count").asInt(), list::toString);
            assertEquals(location, list.at("/Members/0/@odata.id").asText());
            JsonNode s = json(curl(redfish.port(), location));
            assertEquals("http://127.0.0.1:9/events", s.get("Destination").asText());
            assertEquals("ctx-7", s.get("Context").asText());
            assertTrue(s.get("HttpHeaders").isArray() && s.get("HttpHeaders").isEmpty(), s::toString);
            try (StoreWriter writer = new StoreWriter()) {
                assertEquals(
                        Map.of("X-Token", "t-5678"),
                        new SettingsSubscriptions(stores.settings(), writer, stores.cipher())
                                .load()
                                .get(0)
                                .httpHeaders());
            }
        }
    }

    private RedfishService service(Stores stores) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
        EventStream stream =
                new EventStream(new InMemoryEventHistory(), clock, System::nanoTime, "restart-test", Runnable::run);
        return RedfishService.start(
                new RedfishOptions().host("127.0.0.1").port(0).dataDir(dir),
                List.of(),
                stream,
                null,
                stores,
                clock,
                623,
                "t");
    }

    private static List<String> curl(int port, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("curl", "-sk", "-u", "admin:Restart-Pw-42"));
        cmd.addAll(List.of(args).subList(0, args.length - 1));
        cmd.add("https://127.0.0.1:" + port + args[args.length - 1]);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return List.of(new String(out, StandardCharsets.UTF_8).split("\r?\n"));
    }

    private static JsonNode json(List<String> lines) throws Exception {
        return new ObjectMapper().readTree(String.join("\n", lines));
    }
}
