package dev.bmcagent.mqtt.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.core.event.HostEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event documents of network-boot attempts and boot-cycle summaries. */
class TelemetryJsonTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void networkBootAttemptCarriesInterfaceOutcomeAndTimeLost() {
        HostEvent e = new HostEvent(
                "host3",
                4660,
                "s-77",
                T0.plusSeconds(400),
                1_234_567_890L,
                new LifecycleEvent.NetworkBootFailed(
                        "UEFI: HTTPS IPv4 P1",
                        LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND,
                        Duration.ofSeconds(301),
                        T0.plusSeconds(399)));
        JsonNode n = TelemetryJson.event(e);
        assertEquals("NetworkBootFailed", n.get("type").asText());
        assertEquals(4660, n.get("sequence").asLong());
        assertEquals("s-77", n.get("sessionId").asText());
        assertEquals("2026-11-22T10:06:40Z", n.get("time").asText());
        assertEquals("2026-11-22T10:06:39Z", n.get("eventTime").asText());
        assertEquals(1_234_567_890L, n.get("elapsedNanos").asLong());
        assertEquals("UEFI: HTTPS IPv4 P1", n.at("/data/interface").asText());
        assertEquals("PXE_SERVER_NOT_FOUND", n.at("/data/outcome").asText());
        assertEquals(301.0, n.at("/data/timeLostSeconds").asDouble());
    }

    @Test
    void bootCycleSummaryHasEveryPhaseDuration() {
        BootCycle c = new BootCycle(
                7,
                T0,
                "power on",
                List.of(
                        new BootCycle.PhaseMark(
                                BootProgressState.PrimaryProcessorInitializationStarted,
                                "EFI 0x03021000",
                                T0.plusSeconds(2)),
                        new BootCycle.PhaseMark(
                                BootProgressState.MemoryInitializationStarted, "EFI 0x00051000", T0.plusSeconds(5)),
                        new BootCycle.PhaseMark(BootProgressState.OSBootStarted, "EFI 0x03051001", T0.plusSeconds(125)),
                        new BootCycle.PhaseMark(BootProgressState.OSRunning, "EFI 0x03101019", T0.plusSeconds(430))),
                List.of(),
                List.of(new BootCycle.NetworkBootAttempt(
                        "HTTPv4 P1",
                        LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND,
                        Duration.ofMinutes(5),
                        T0.plusSeconds(425))),
                Optional.of(T0.plusSeconds(430)),
                Optional.of(BootCycle.Outcome.OS_RUNNING));
        JsonNode n = TelemetryJson.event(new HostEvent(
                "host0", 9, "s", T0.plusSeconds(430), 0, new LifecycleEvent.BootCycleEnded(c, T0.plusSeconds(430))));
        JsonNode cy = n.at("/data/cycle");
        assertEquals(7, cy.get("number").asLong());
        assertEquals("OS_RUNNING", cy.get("outcome").asText());
        assertEquals(430.0, cy.get("totalSeconds").asDouble());
        assertEquals(3.0, cy.at("/phases/0/durationSeconds").asDouble());
        assertEquals(120.0, cy.at("/phases/1/durationSeconds").asDouble());
        assertEquals(305.0, cy.at("/phases/2/durationSeconds").asDouble());
        assertEquals(0.0, cy.at("/phases/3/durationSeconds").asDouble());
        assertEquals("HTTPv4 P1", cy.at("/networkBootAttempts/0/interface").asText());
        assertEquals(300.0, cy.at("/networkBootAttempts/0/timeLostSeconds").asDouble());
        assertTrue(cy.at("/phases/1/detail").asText().contains("0x00051000"));
    }
}
