package dev.bmcagent.redfish.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.redfish.backend.RedfishEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One row per LifecycleEvent kind: message, args (registry order), origin, severity. */
class LifecycleEventMapperTest {
    static final Instant T = Instant.parse("2026-11-22T08:00:00Z");
    static final Instant START = T.minusSeconds(187);

    static RedfishEvent map(LifecycleEvent e) {
        RedfishEvent r = LifecycleEventMapper.map("h7", e, 0x1234).orElseThrow();
        BootMessage m = BootMessage.byMessageId(r.registryMessageId()).orElseThrow();
        assertEquals(m.paramTypes().size(), r.args().size(), "arg count of " + m);
        assertEquals(0x1234, r.sequence());
        assertEquals(e.at(), r.timestamp());
        return r;
    }

    static String row(RedfishEvent r) {
        return r.messageKey() + " " + r.args() + " " + r.originOfCondition() + " " + r.severity();
    }

    @Test
    void table() {
        BootCycle cycle = new BootCycle(
                4,
                START,
                "power on",
                List.of(),
                List.of(),
                List.of(),
                Optional.of(T),
                Optional.of(BootCycle.Outcome.OS_RUNNING));
        Alert stuck = new Alert(
                AlertKind.STUCK_PRE_OS, "memory training", "MemoryInitializationStarted", Duration.ofMinutes(15), T);
        Alert fan = new Alert(AlertKind.FAN_FAILSAFE, "CPU0_Temp unreadable in S0", "", Duration.ZERO, T);
        List<String> rows = List.of(
                row(map(new LifecycleEvent.PowerChanged(true, "power button", T))),
                row(map(new LifecycleEvent.AcpiChanged(
                        AcpiSystemState.S5_G2, AcpiDeviceState.UNKNOWN, true, "power-good lost", T))),
                row(map(new LifecycleEvent.BootProgressChanged(
                        new BootProgress(BootProgressState.OEM, Optional.of("EFI 0x03041000"), T, Optional.empty()),
                        T))),
                row(map(new LifecycleEvent.BootCycleStarted(4, "power on", T))),
                row(map(new LifecycleEvent.BootCycleEnded(cycle, T))),
                row(map(new LifecycleEvent.NetworkBootFailed(
                        "HTTPv4 P1",
                        LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND,
                        Duration.ofMinutes(5),
                        T,
                        dev.bmcagent.acpi.lifecycle.BootInterface.decode(0xA2, 0, 0x02)))),
                row(map(new LifecycleEvent.FirmwareProblemReported(LifecycleInput.FirmwareProblemKind.HANG, 0x1D, T))),
                row(map(new LifecycleEvent.AlertRaised(stuck, T))),
                row(map(new LifecycleEvent.AlertRaised(fan, T))),
                row(map(new LifecycleEvent.AlertCleared(AlertKind.FAN_FAILSAFE, "sensor readable", T))),
                row(map(new LifecycleEvent.FanModeChanged(FanMode.FixedDuty, "S2_D2", T))),
                row(map(new LifecycleEvent.ReconcileDecided(
                        LifecycleEvent.ReconcileDecision.REAPPLY_AND_REBOOT,
                        List.of(".*HTTP.*IPv6.*P1"),
                        List.of("UEFI: PXE IPv4 P1"),
                        2,
                        T))));
        assertEquals(
                List.of(
                        "PowerStateChanged [h7, On, power button] /redfish/v1/Systems/h7 OK",
                        "AcpiStateChanged [h7, S5_G2, Unknown, true, power-good lost] /redfish/v1/Systems/h7 OK",
                        "BootProgressChanged [h7, OEM, EFI 0x03041000] /redfish/v1/Systems/h7 OK",
                        "BootCycleStarted [h7, 4, power on] /redfish/v1/Systems/h7 OK",
                        "BootCycleCompleted [h7, 4, OS_RUNNING, 187.000] /redfish/v1/Systems/h7 OK",
                        "NetworkBootAttemptFailed [h7, HTTPv4 P1, HTTP(S) boot server not found, 300.000] /redfish/v1/Systems/h7 Warning",
                        "FirmwareProblemReported [h7, HANG, 0x1D] /redfish/v1/Systems/h7 Critical",
                        "StuckPreOsRaised [h7, MemoryInitializationStarted, 900.000] /redfish/v1/Systems/h7 Warning",
                        "FanFailSafeEntered [h7, CPU0_Temp unreadable in S0] /redfish/v1/Chassis/h7 Critical",
                        "FanFailSafeLeft [h7, sensor readable] /redfish/v1/Chassis/h7 OK",
                        "FanModeChanged [h7, FixedDuty, S2_D2] /redfish/v1/Chassis/h7 OK",
                        "BootOrderReconciled [h7, REAPPLY_AND_REBOOT, 2, .*HTTP.*IPv6.*P1, UEFI: PXE IPv4 P1] "
                                + "/redfish/v1/Systems/h7 Warning"),
                rows);
    }

    @Test
    void postCodesAreNotPublishedAsEvents() {
        assertTrue(LifecycleEventMapper.map("h7", new LifecycleEvent.PostCodeSeen(0x60, T), 1)
                .isEmpty());
    }

    @Test
    void formattedMessageReadsWell() {
        RedfishEvent r = map(new LifecycleEvent.BootCycleEnded(
                new BootCycle(
                        4,
                        START,
                        "power on",
                        List.of(),
                        List.of(),
                        List.of(),
                        Optional.of(T),
                        Optional.of(BootCycle.Outcome.OS_RUNNING)),
                T));
        assertEquals(
                "Boot cycle 4 of h7 ended with OS_RUNNING after 187.000 seconds.",
                EventJson.render(r, "c").at("/Events/0/Message").asText());
    }

    @Test
    void eventRecordCarriesTheFieldsEventV1_9_0Requires() {
        RedfishEvent r = map(new LifecycleEvent.BootCycleEnded(
                new BootCycle(
                        4,
                        START,
                        "power on",
                        List.of(),
                        List.of(),
                        List.of(),
                        Optional.of(T),
                        Optional.of(BootCycle.Outcome.OS_RUNNING)),
                T));
        JsonNode n = EventJson.render(r, "c");
        assertEquals("#Event.v1_9_0.Event", n.get("@odata.type").asText());
        assertEquals("c", n.get("Context").asText());
        // EventRecord required: EventType, MessageId, MemberId
        assertEquals("Other", n.at("/Events/0/EventType").asText());
        assertEquals("0", n.at("/Events/0/MemberId").asText());
        assertTrue(n.at("/Events/0/MessageId").asText().matches("^[A-Za-z0-9]+\\.\\d+\\.\\d+\\.[A-Za-z0-9.]+$"));
        assertEquals(1, n.get("Events").size());
    }
}
