package dev.bmcagent.mqtt.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.mqtt.telemetry.HostPhase;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");

    @Test
    void duplicatesAreDroppedAndHolesCounted() {
        FleetView v = new FleetView();
        assertEquals(FleetView.Verdict.NEW, v.onEvent("bmc/a/b/host0", 7));
        assertEquals(FleetView.Verdict.NEW, v.onEvent("bmc/a/b/host0", 8));
        assertEquals(FleetView.Verdict.DUPLICATE, v.onEvent("bmc/a/b/host0", 8));
        assertEquals(FleetView.Verdict.NEW, v.onEvent("bmc/a/b/host0", 11));
        assertEquals(FleetView.Verdict.DUPLICATE, v.onEvent("bmc/a/b/host0", 7));
        assertEquals(FleetView.Verdict.NEW, v.onEvent("bmc/a/b/host1", 1));
        FleetView.Snapshot s = v.snapshot(NOW);
        assertEquals(2, s.duplicates());
        assertEquals(2, s.holes(), "9 and 10 missing for host0");
        assertEquals(FleetView.Verdict.NEW, v.onEvent("bmc/a/b/host0", 9));
        assertEquals(FleetView.Verdict.NEW, v.onEvent("bmc/a/b/host0", 10));
        assertEquals(0, v.snapshot(NOW).holes());
    }

    @Test
    void countsPhasesAndListsStuckHostsWithElapsedTime() throws Exception {
        FleetView v = new FleetView();
        v.onState("bmc/a/b/host0", JSON.readTree("{\"phase\":\"MemoryInit\"}"));
        v.onState("bmc/a/b/host1", JSON.readTree("{\"phase\":\"OS\"}"));
        v.onState("bmc/a/b/host2", JSON.readTree("{\"phase\":\"OS\"}"));
        v.onAlert(
                "bmc/a/b/host0",
                "stuck-pre-os",
                JSON.readTree(
                        "{\"phase\":\"MemoryInitializationStarted\","
                                + "\"elapsedSeconds\":600.0,\"detail\":\"memory training\",\"time\":\"2026-11-22T10:14:00Z\"}"));
        FleetView.Snapshot s = v.snapshot(NOW);
        assertEquals(3, s.hosts());
        assertEquals(2, s.byPhase().get(HostPhase.OS));
        assertEquals(1, s.byPhase().get(HostPhase.MemoryInit));
        assertEquals(1, s.stuck().size());
        assertEquals(660.0, s.stuck().get(0).elapsedSeconds(), 0.001);
        assertTrue(s.render().contains("STUCK bmc/a/b/host0  MemoryInitializationStarted  660 s"), s.render());
        v.onAlert("bmc/a/b/host0", "stuck-pre-os", null);
        assertEquals(0, v.snapshot(NOW).stuck().size());
    }

    @Test
    void webhooksOnlyOnLoopbackUnlessAllowed() {
        AlertActions.requireAllowed(URI.create("http://127.0.0.1:8080/hook"), false);
        AlertActions.requireAllowed(URI.create("http://[::1]:8080/hook"), false);
        AlertActions.requireAllowed(URI.create("http://localhost/hook"), false);
        assertThrows(
                IllegalArgumentException.class,
                () -> AlertActions.requireAllowed(URI.create("http://192.0.2.10/hook"), false));
        assertThrows(
                IllegalArgumentException.class,
                () -> AlertActions.requireAllowed(URI.create("https://alerts.example.com/hook"), false));
        AlertActions.requireAllowed(URI.create("https://alerts.example.com/hook"), true);
    }

    @Test
    void anOfflineStatusMakesTheBmcsHostsStaleUntilItIsOnlineAgain() throws Exception {
        FleetView v = new FleetView(java.time.Duration.ofSeconds(90));
        v.onState("bmc/a/b/host0", JSON.readTree("{\"phase\":\"MemoryInit\"}"), NOW);
        v.onState("bmc/a/c/host0", JSON.readTree("{\"phase\":\"OS\"}"), NOW);
        var change = v.onStatus(
                        "bmc/a/b",
                        JSON.readTree("{\"status\":\"offline\",\"reason\":\"connection lost\","
                                + "\"connectedAt\":\"2026-11-22T09:00:00Z\"}"),
                        NOW.plusSeconds(1))
                .orElseThrow();
        assertEquals(
                new FleetView.BmcChange(
                        "bmc/a/b",
                        "bmc-offline",
                        true,
                        "offline (connection lost), connected since 2026-11-22T09:00:00Z"),
                change);
        FleetView.Snapshot s = v.snapshot(NOW.plusSeconds(2));
        assertEquals(
                java.util.List.of(new FleetView.Stale("bmc/a/b/host0", "MemoryInit", "BMC offline (connection lost)")),
                s.stale());
        assertEquals(0, s.byPhase().get(HostPhase.MemoryInit));
        assertEquals(1, s.byPhase().get(HostPhase.OS));
        assertTrue(
                v.onStatus("bmc/a/b", JSON.readTree("{\"status\":\"offline\"}"), NOW)
                        .isEmpty(),
                "repeated");
        assertEquals(
                false,
                v.onStatus("bmc/a/b", JSON.readTree("{\"status\":\"online\"}"), NOW)
                        .orElseThrow()
                        .raised());
        assertTrue(v.snapshot(NOW.plusSeconds(2)).stale().isEmpty());
    }

    @Test
    void aHostWithoutADocumentForStaleAfterIsStaleAndItsBmcSilentOnce() throws Exception {
        FleetView v = new FleetView(java.time.Duration.ofSeconds(90));
        v.onState("bmc/a/b/host0", JSON.readTree("{\"phase\":\"MemoryInit\"}"), NOW);
        v.onAlert("bmc/a/b/host0", "stuck-pre-os", JSON.readTree("{\"phase\":\"MemoryInit\"}"), NOW);
        assertTrue(v.snapshot(NOW.plusSeconds(90)).stale().isEmpty(), "90 s is not more than 90 s");
        assertTrue(v.checkSilence(NOW.plusSeconds(90)).isEmpty());
        FleetView.Snapshot s = v.snapshot(NOW.plusSeconds(91));
        assertEquals("no document for 91 s", s.stale().get(0).reason());
        assertTrue(s.stuck().isEmpty(), "a stale host's stuck alert is not current");
        assertTrue(s.render().contains("STALE bmc/a/b/host0  last phase MemoryInit  no document for 91 s"), s.render());
        assertEquals("bmc-silent", v.checkSilence(NOW.plusSeconds(91)).get(0).kind());
        assertTrue(v.checkSilence(NOW.plusSeconds(95)).isEmpty(), "raised once");
        assertEquals(FleetView.Verdict.NEW, v.onEvent("bmc/a/b/host0", 5, NOW.plusSeconds(96)));
        assertEquals(false, v.checkSilence(NOW.plusSeconds(96)).get(0).raised());
        assertTrue(v.snapshot(NOW.plusSeconds(96)).stale().isEmpty());
    }

    @Test
    void withoutStaleAfterOnlyOfflineMakesHostsStale() throws Exception {
        FleetView v = new FleetView();
        v.onState("bmc/a/b/host0", JSON.readTree("{\"phase\":\"OS\"}"), NOW);
        assertTrue(v.snapshot(NOW.plusSeconds(100_000)).stale().isEmpty());
    }
}
