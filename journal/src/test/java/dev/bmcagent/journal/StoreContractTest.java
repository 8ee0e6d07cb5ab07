package dev.bmcagent.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one contract every store implementation meets: run against {@link StoreKind#DISK} and {@code MEMORY}. */
class StoreContractTest {
    private static final int CAPACITY = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Stores stores;

    private Stores open(StoreKind kind) throws IOException {
        stores = Stores.open(kind, dir, CAPACITY, JournalOptions.processCrashSafe(), new SecureRandom());
        return stores;
    }

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void eventSequencesIncreaseAcrossHosts(StoreKind kind) throws Exception {
        EventLog log = open(kind).events();
        assertEquals(0, log.lastSequence());
        assertEquals(1L, log.append(7, b("h7-a")).get());
        assertEquals(2L, log.append(9, b("h9-a")).get());
        assertEquals(3L, log.append(7, b("h7-b")).get());
        assertEquals(3, log.lastSequence());
        assertEquals(
                List.of(
                        new StoredEvent(7, 1, true, b("h7-a")),
                        new StoredEvent(9, 2, true, b("h9-a")),
                        new StoredEvent(7, 3, true, b("h7-b"))),
                log.readFrom(1, 10).get());
        assertEquals(
                List.of(new StoredEvent(9, 2, true, b("h9-a"))),
                log.readFrom(2, 1).get());
        assertEquals(
                List.of(new StoredEvent(7, 3, true, b("h7-b"))),
                log.readHost(7, 2, 10).get());
        assertEquals(List.of(), log.readHost(8, 0, 10).get());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void eachHostKeepsItsNewestRecordsOnly(StoreKind kind) throws Exception {
        EventLog log = open(kind).events();
        for (int i = 1; i <= 5; i++) {
            log.append(1, b("h1-" + i)).get();
        }
        log.append(2, b("h2-1")).get();
        assertEquals(CAPACITY, log.capacityPerHost());
        assertEquals(
                List.of("h1-3", "h1-4", "h1-5"), payloads(log.readHost(1, 0, 10).get()));
        assertEquals(
                List.of("h1-3", "h1-4", "h1-5", "h2-1"),
                payloads(log.readFrom(0, 10).get()));
        assertEquals(List.of("h1-3", "h1-4"), payloads(log.readFrom(0, 2).get()));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void retentionCountsCyclesNotRecords(StoreKind kind) throws Exception {
        EventLog log = open(kind).events();
        log.appendToCycle(5, b("c0-first")).get(); // a host's first record starts a cycle
        for (int cycle = 1; cycle <= 4; cycle++) {
            log.append(5, b("c" + cycle + "-power-on")).get();
            log.appendToCycle(5, b("c" + cycle + "-progress")).get();
            log.appendToCycle(5, b("c" + cycle + "-os-running")).get();
        }
        List<StoredEvent> kept = log.readHost(5, 0, 100).get();
        assertEquals(
                List.of(
                        "c2-power-on",
                        "c2-progress",
                        "c2-os-running",
                        "c3-power-on",
                        "c3-progress",
                        "c3-os-running",
                        "c4-power-on",
                        "c4-progress",
                        "c4-os-running"),
                payloads(kept));
        assertEquals(
                List.of(true, false, false, true, false, false, true, false, false),
                kept.stream().map(StoredEvent::startsCycle).toList());
        assertEquals(payloads(kept), payloads(log.readFrom(0, 100).get()));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void negativeHostIsRejected(StoreKind kind) throws Exception {
        EventLog log = open(kind).events();
        assertThrows(IllegalArgumentException.class, () -> log.append(-1, b("x")));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void settingsAreLastWriterWins(StoreKind kind) throws Exception {
        SettingsStore s = open(kind).settings();
        s.put("bootorder.host1", JSON.readTree("[\"HTTPv6\",\"PXEv4\"]")).get();
        s.put("mqtt.cursor", JSON.readTree("41")).get();
        s.put("mqtt.cursor", JSON.readTree("42")).get();
        assertEquals(Optional.of(JSON.readTree("42")), s.get("mqtt.cursor"));
        assertEquals(
                List.of("bootorder.host1", "mqtt.cursor"),
                List.copyOf(s.snapshot().keySet()));
        assertTrue(s.remove("mqtt.cursor").get());
        assertFalse(s.remove("mqtt.cursor").get());
        assertEquals(Optional.empty(), s.get("mqtt.cursor"));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void settingValuesAreCopiesNotShared(StoreKind kind) throws Exception {
        SettingsStore s = open(kind).settings();
        ObjectNode v = JSON.createObjectNode().put("a", 1);
        s.put("k", v).get();
        v.put("a", 2);
        JsonNode read = s.get("k").orElseThrow();
        ((ObjectNode) read).put("a", 3);
        assertEquals(1, s.get("k").orElseThrow().get("a").asInt());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void badSettingKeyIsRejected(StoreKind kind) throws Exception {
        SettingsStore s = open(kind).settings();
        assertThrows(IllegalArgumentException.class, () -> s.put("Has Space", JSON.readTree("1")));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void accountsAreCreatedReplacedListedAndRemoved(StoreKind kind) throws Exception {
        AccountStore a = open(kind).accounts();
        a.put(Account.of("operator", "op-Secret1", Role.OPERATOR)).get();
        a.put(Account.of("admin", "Adm1n-Secret", Role.ADMINISTRATOR)).get();
        a.put(Account.of("admin", "Adm1n-Secret", Role.ADMINISTRATOR).withLocked(true))
                .get();
        assertEquals(
                new Account(3, "admin", "Adm1n-Secret", Role.ADMINISTRATOR, true, true),
                a.find("admin").orElseThrow(),
                "a replaced account keeps its id");
        assertEquals(
                List.of("operator", "admin"),
                a.list().stream().map(Account::name).toList(),
                "in id order");
        assertTrue(a.remove("operator").get());
        assertFalse(a.remove("operator").get());
        assertEquals(Optional.empty(), a.find("operator"));
    }

    /** Issue #11 item 11: ids were positions in name order, so creating "aaa" renumbered everybody. */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void idsAreAssignedOnceAndNeverReused(StoreKind kind) throws Exception {
        AccountStore a = open(kind).accounts();
        a.put(Account.of("operator", "op-Secret1", Role.OPERATOR)).get();
        a.put(Account.of("zed", "zed-Secret1", Role.READ_ONLY)).get();
        a.put(Account.of("aaa", "aaa-Secret1", Role.READ_ONLY)).get();
        assertEquals(
                List.of(2, 3, 4),
                List.of(
                        a.find("operator").orElseThrow().id(),
                        a.find("zed").orElseThrow().id(),
                        a.find("aaa").orElseThrow().id()));
        assertTrue(a.remove("aaa").get());
        a.put(Account.of("bbb", "bbb-Secret1", Role.READ_ONLY)).get();
        assertEquals(5, a.find("bbb").orElseThrow().id(), "4 is never handed out again");
        assertEquals("zed", a.findById(3).orElseThrow().name());
    }

    static List<String> payloads(List<StoredEvent> events) {
        return events.stream().map(e -> new String(e.payload(), UTF_8)).toList();
    }
}
