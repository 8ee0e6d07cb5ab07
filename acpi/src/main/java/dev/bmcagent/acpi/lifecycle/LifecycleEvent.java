package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happened to a host, as the event stream carries it (to history, Redfish, MQTT). The agent adds host id
 * and per-host sequence number when it records the event. Every event has the time it happened.
 */
public sealed interface LifecycleEvent {

    Instant at();

    record PowerChanged(boolean on, String cause, Instant at) implements LifecycleEvent {}

    /** ACPI state changed; {@code inferred} when the BMC concluded it (e.g. S5 on power loss) rather than the host. */
    record AcpiChanged(AcpiSystemState system, AcpiDeviceState device, boolean inferred, String cause, Instant at)
            implements LifecycleEvent {}

    record BootProgressChanged(BootProgress progress, Instant at) implements LifecycleEvent {}

    record PostCodeSeen(int code, Instant at) implements LifecycleEvent {}

    record BootCycleStarted(long number, String cause, Instant at) implements LifecycleEvent {}

    /** A cycle ended; carries its whole timeline (phase durations, network-boot attempts). */
    record BootCycleEnded(BootCycle cycle, Instant at) implements LifecycleEvent {}

    /** {@code iface}: interface index, IP version and protocol as the host sent them (empty when it did not). */
    record NetworkBootFailed(
            String interfaceName,
            LifecycleInput.BootErrorKind kind,
            Duration timeLost,
            Instant at,
            java.util.Optional<BootInterface> iface)
            implements LifecycleEvent {
        public NetworkBootFailed {
            iface = iface == null ? java.util.Optional.empty() : iface; // histories written before the field
        }

        public NetworkBootFailed(
                String interfaceName, LifecycleInput.BootErrorKind kind, Duration timeLost, Instant at) {
            this(interfaceName, kind, timeLost, at, java.util.Optional.empty());
        }
    }

    record FirmwareProblemReported(LifecycleInput.FirmwareProblemKind kind, int eventData2, Instant at)
            implements LifecycleEvent {}

    record AlertRaised(Alert alert, Instant at) implements LifecycleEvent {}

    /** An active alert changed (e.g. the phase a stuck host is in); it stays active. */
    record AlertUpdated(Alert alert, Instant at) implements LifecycleEvent {}

    record AlertCleared(AlertKind kind, String reason, Instant at) implements LifecycleEvent {}

    record GateChanged(GateClass gate, boolean open, Instant at) implements LifecycleEvent {}

    record FanModeChanged(FanMode mode, String reason, Instant at) implements LifecycleEvent {}

    /** The host asked for a power action to be carried out (client command, reconcile reboot). */
    record PowerActionRequested(LifecycleInput.PowerAction action, String reason, Instant at)
            implements LifecycleEvent {}

    /** A boot-order reconcile decision with what was compared. */
    record ReconcileDecided(
            ReconcileDecision decision, List<String> declared, List<String> reported, int attempt, Instant at)
            implements LifecycleEvent {}

    enum ReconcileDecision {
        OK,
        REAPPLY_AND_REBOOT,
        ALARM
    }
}
