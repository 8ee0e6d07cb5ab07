package dev.bmcagent.agent.redfishport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.redfish.backend.StoredSubscription;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent on a disk data directory, restarted: an X-Auth-Token obtained over HTTPS (curl) keeps working,
 * idle sessions expire on the injected clock, logout is durable, and neither a token nor a push subscription's
 * HttpHeaders value is anywhere in the data directory's bytes.
 */
class SessionPersistenceAgentTest {
    private static final String SESSIONS = "/redfish/v1/SessionService/Sessions";
    private static final String HEADER_SECRET = "Bearer hdr-9f3a61c2e874";

    @TempDir
    Path dir;

    private final HandClockScheduler scheduler = new HandClockScheduler(Instant.parse("2026-11-22T08:00:00Z"));
    private AgentConfig config;

    @AfterEach
    void stopScheduler() {
        scheduler.close();
    }

    private AgentAssembly start() throws IOException {
        if (config == null) {
            config = PartialConfig.empty().overriddenBy(FreePorts.partial()).resolve(dir);
        }
        return AgentAssembly.start(config, scheduler, new SecureRandom());
    }

    @Test
    void sessionsSurviveRestartsExpireAndLogOutDurablyAndNoSecretIsStoredInClear() throws Exception {
        String kept;
        String loggedOut;
        String idle;
        String loggedOutUri;
        String idleId;
        String subscription;
        String password;
        try (AgentAssembly a = start()) {
            password = a.admin().password();
            Http k = login(a, password);
            kept = k.header("X-Auth-Token");
            Http l = login(a, password);
            loggedOut = l.header("X-Auth-Token");
            loggedOutUri = l.header("Location");
            Http i = login(a, password);
            idle = i.header("X-Auth-Token");
            idleId = i.json().get("Id").asText();
            Http s = curl(
                    a,
                    "-X",
                    "POST",
                    "-H",
                    "X-Auth-Token: " + kept,
                    "-H",
                    "Content-Type: application/json",
                    "-d",
                    "{\"Destination\":\"http://127.0.0.1:9/events\",\"Protocol\":\"Redfish\","
                            + "\"HttpHeaders\":{\"Authorization\":\"" + HEADER_SECRET + "\"}}",
                    "/redfish/v1/EventService/Subscriptions");
            assertEquals(201, s.status(), s.body());
            subscription = s.header("Location");
            assertEquals(200, status(a, kept, "/redfish/v1/Systems"));
        }
        String bytes = dataDirBytes();
        for (String token : List.of(kept, loggedOut, idle)) {
            assertFalse(bytes.contains(token), "a token is stored in clear");
            assertTrue(bytes.contains(sha256(token)), "the session was stored (as its token's hash)");
        }
        assertFalse(bytes.contains("hdr-9f3a61c2e874"), "HttpHeaders value stored in clear");

        scheduler.advance(Duration.ofMinutes(25));
        try (AgentAssembly a = start()) {
            assertEquals(200, status(a, kept, "/redfish/v1/Systems"), "same token after a restart");
            assertEquals(200, status(a, loggedOut, "/redfish/v1/Systems"));
            assertEquals(
                    204,
                    curl(a, "-X", "DELETE", "-H", "X-Auth-Token: " + loggedOut, loggedOutUri)
                            .status());
            Http sub = curl(a, "-H", "X-Auth-Token: " + kept, subscription);
            assertEquals(200, sub.status(), sub.body());
            assertTrue(
                    sub.json().get("HttpHeaders").isArray()
                            && sub.json().get("HttpHeaders").isEmpty(),
                    sub.body());
            assertEquals(Map.of("Authorization", HEADER_SECRET), headersIn(a.stores(), subscription));
        }

        scheduler.advance(Duration.ofMinutes(25)); // idle: 50 min since login; kept: 25 min since last use
        try (AgentAssembly a = start()) {
            assertEquals(200, status(a, kept, "/redfish/v1/Systems"));
            assertEquals(401, status(a, loggedOut, "/redfish/v1/Systems"), "logout survived the restart");
            assertEquals(401, status(a, idle, "/redfish/v1/Systems"), "idle past SessionTimeout while down");
            assertTrue(
                    a.stores().settings().get(SettingsSessions.PREFIX + idleId).isEmpty(), "expired: deleted");
            Http list = curl(a, "-u", "admin:" + password, SESSIONS);
            assertEquals(1, list.json().get("Members@odata.count").asInt(), list.body());
        }

        // a torn tail (power cut mid-write): the last record is lost, the older ones are not
        Path journal = dir.resolve("store/settings.journal");
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3);
        }
        try (AgentAssembly a = start()) {
            assertEquals(200, status(a, kept, "/redfish/v1/Systems"), "older session records survive a torn tail");
        }
    }

    @Test
    void passwordChangedWhileDownEndsTheSessions() throws Exception {
        String token;
        try (AgentAssembly a = start()) {
            token = login(a, a.admin().password()).header("X-Auth-Token");
        }
        AgentConfig changed = new dev.bmcagent.agent.config.AgentConfigLoader()
                .parse("adminPassword: Chang3d-Pw-77")
                .overriddenBy(FreePorts.partial())
                .resolve(dir);
        try (AgentAssembly a = AgentAssembly.start(changed, scheduler, new SecureRandom())) {
            Http r = curl(a, "-H", "X-Auth-Token: " + token, "/redfish/v1/Systems");
            assertEquals(401, r.status(), r.body());
            assertTrue(
                    a.stores().settings().snapshot().keySet().stream()
                            .noneMatch(k -> k.startsWith(SettingsSessions.PREFIX)),
                    "dropped durably");
        }
    }

    @Test
    void plaintextHttpHeadersFromBeforeEncryptionStillLoadAndAreResealed() throws Exception {
        ObjectNode legacy = JsonNodeFactory.instance
                .objectNode()
                .put("destination", "http://127.0.0.1:9/legacy")
                .put("context", "old-7");
        legacy.putObject("httpHeaders").put("Authorization", HEADER_SECRET);
        legacy.putArray("registryPrefixes");
        legacy.putArray("resourceTypes");
        legacy.put("retryPolicy", "TerminateAfterRetries").put("owner", "admin").put("suspended", false);
        try (Stores stores = Stores.onDisk(
                dir, Stores.DEFAULT_HISTORY_PER_HOST, JournalOptions.processCrashSafe(), new SecureRandom())) {
            stores.settings().put(SettingsSubscriptions.PREFIX + "5", legacy).join();
        }
        try (AgentAssembly a = start()) {
            Http sub = curl(a, "-u", "admin:" + a.admin().password(), "/redfish/v1/EventService/Subscriptions/5");
            assertEquals(200, sub.status(), sub.body());
            assertEquals("old-7", sub.json().get("Context").asText());
            assertTrue(
                    sub.json().get("HttpHeaders").isArray()
                            && sub.json().get("HttpHeaders").isEmpty(),
                    sub.body());
        }
        try (Stores stores = Stores.onDisk(
                dir, Stores.DEFAULT_HISTORY_PER_HOST, JournalOptions.processCrashSafe(), new SecureRandom())) {
            JsonNode now =
                    stores.settings().get(SettingsSubscriptions.PREFIX + "5").orElseThrow();
            assertFalse(now.has("httpHeaders"), now::toString);
            assertFalse(now.toString().contains("hdr-9f3a61c2e874"), now::toString);
            assertEquals(Map.of("Authorization", HEADER_SECRET), headersIn(stores, "/Subscriptions/5"));
        }
    }

    private static Map<String, String> headersIn(Stores stores, String subscriptionUri) {
        String id = subscriptionUri.substring(subscriptionUri.lastIndexOf('/') + 1);
        try (StoreWriter w = new StoreWriter()) {
            return new SettingsSubscriptions(stores.settings(), w, stores.cipher())
                    .load().stream()
                            .filter(s -> s.id().equals(id))
                            .findFirst()
                            .map(StoredSubscription::httpHeaders)
                            .orElseThrow();
        }
    }

    private String dataDirBytes() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .append('\n');
            }
        }
        return all.toString();
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static Http login(AgentAssembly a, String password) throws Exception {
        Http r = curl(
                a,
                "-X",
                "POST",
                "-H",
                "Content-Type: application/json",
                "-d",
                "{\"UserName\":\"admin\",\"Password\":\"" + password + "\"}",
                SESSIONS);
        assertEquals(201, r.status(), r.body());
        return r;
    }

    private static int status(AgentAssembly a, String token, String path) throws Exception {
        return curl(a, "-H", "X-Auth-Token: " + token, path).status();
    }

    /** Runs curl against the agent's Redfish port; the last argument is the path. */
    private static Http curl(AgentAssembly a, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sk", "-D", "-"));
        cmd.addAll(List.of(args).subList(0, args.length - 1));
        cmd.add("https://127.0.0.1:" + a.config().redfishPort() + args[args.length - 1]);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return Http.parse(out);
    }

    private record Http(int status, List<String> headers, String body) {
        static Http parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            List<String> lines = List.of(head.split("\r\n"));
            return new Http(Integer.parseInt(lines.get(0).split(" ", -1)[1]), lines, body);
        }

        String header(String name) {
            return headers.stream()
                    .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).trim())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in " + headers));
        }

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }
}
