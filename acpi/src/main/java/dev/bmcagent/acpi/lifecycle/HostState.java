package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.policy.SensorGatePolicy;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable lifecycle state of one host. Only {@link HostLifecycle#apply} produces new states.
 *
 * @param connected      the host's system interface is connected
 * @param powerOn        power-good
 * @param system         last ACPI system state
 * @param device         last ACPI device state
 * @param acpiInferred   whether {@code system} was inferred by the BMC rather than reported by the host
 * @param acpiChangedAt  when the ACPI state last changed
 * @param progress       Redfish BootProgress
 * @param cycle          the boot cycle in progress, if any
 * @param bootCycles     number of boot cycles started so far (numbers the next one)
 * @param closedGates    gate classes currently closed
 * @param fanMode        current fan mode
 * @param failedSensors  sensors that should be readable and are not (S0 only)
 * @param alerts         active alerts by kind (at most one per kind: one alert per episode)
 * @param reconcile      boot-order reconciler state
 * @param memory         DIMMs of the last good boot and of the boot in progress: the one baseline the
 *                       MISSING_MEMORY alert and Redfish's Memory resources read, with the last slot report
 * @param stalledFans    fans that read 0 RPM while commanded (FAN_STALL while not empty)
 * @param reported       what the host last reported of its boot order and memory (read by the publishers)
 */
public record HostState(
        boolean connected,
        boolean powerOn,
        AcpiSystemState system,
        AcpiDeviceState device,
        boolean acpiInferred,
        Instant acpiChangedAt,
        BootProgress progress,
        Optional<BootCycle> cycle,
        long bootCycles,
        Set<GateClass> closedGates,
        FanMode fanMode,
        Set<String> failedSensors,
        Map<AlertKind, Alert> alerts,
        ReconcileState reconcile,
        MemoryBaseline memory,
        Set<String> stalledFans,
        HostReports reported) {

    public HostState {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(acpiChangedAt, "acpiChangedAt");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cycle, "cycle");
        closedGates = closedGates.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(closedGates));
        Objects.requireNonNull(fanMode, "fanMode");
        failedSensors = Set.copyOf(failedSensors);
        alerts = alerts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(alerts));
        Objects.requireNonNull(reconcile, "reconcile");
        Objects.requireNonNull(memory, "memory");
        stalledFans = Set.copyOf(stalledFans);
        Objects.requireNonNull(reported, "reported");
    }

    /**
     * A host the BMC has just started managing: off, S5 (inferred — nobody reported it), host-powered sensors
     * gated (unavailable, not failed), fans normal.
     */
    public static HostState initial(Instant now) {
        return new HostState(
                false,
                false,
                AcpiSystemState.S5_G2,
                AcpiDeviceState.D3,
                true,
                now,
                BootProgress.none(now),
                Optional.empty(),
                0,
                SensorGatePolicy.closedGates(false, AcpiSystemState.S5_G2),
                FanMode.Normal,
                Set.of(),
                Map.of(),
                ReconcileState.none(),
                MemoryBaseline.UNKNOWN,
                Set.of(),
                HostReports.NONE);
    }

    /** This state with {@code memory} (the memory record restored at agent start). */
    public HostState withMemory(MemoryBaseline memory) {
        return new HostState(
                connected,
                powerOn,
                system,
                device,
                acpiInferred,
                acpiChangedAt,
                progress,
                cycle,
                bootCycles,
                closedGates,
                fanMode,
                failedSensors,
                alerts,
                reconcile,
                memory,
                stalledFans,
                reported);
    }

    public boolean gateOpen(GateClass gate) {
        return !closedGates.contains(gate);
    }
}
