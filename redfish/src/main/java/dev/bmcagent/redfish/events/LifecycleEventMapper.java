package dev.bmcagent.redfish.events;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.BootInterface;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.redfish.backend.EventSeverity;
import dev.bmcagent.redfish.backend.RedfishEvent;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pure translation of a host's {@link LifecycleEvent} into the {@link RedfishEvent} the service publishes, with
 * arguments in the order {@link BootMessage} declares. The agent calls this for each recorded event; events that
 * are not published (POST codes, gates, power requests) map to empty.
 */
public final class LifecycleEventMapper {

    private LifecycleEventMapper() {}

    public static Optional<RedfishEvent> map(String hostId, LifecycleEvent e, long sequence) {
        String system = "/redfish/v1/Systems/" + hostId;
        String chassis = "/redfish/v1/Chassis/" + hostId;
        if (e instanceof LifecycleEvent.PowerChanged p) {
            return event(
                    BootMessage.PowerStateChanged,
                    List.of(hostId, p.on() ? "On" : "Off", p.cause()),
                    system,
                    e,
                    sequence);
        }
        if (e instanceof LifecycleEvent.AcpiChanged a) {
            return event(
                    BootMessage.AcpiStateChanged,
                    List.of(
                            hostId,
                            a.system().dbusName(),
                            a.device().dbusName(),
                            Boolean.toString(a.inferred()),
                            a.cause()),
                    system,
                    e,
                    sequence);
        }
        if (e instanceof LifecycleEvent.BootProgressChanged b) {
            return event(
                    BootMessage.BootProgressChanged,
                    List.of(
                            hostId,
                            b.progress().lastState().name(),
                            b.progress().oemLastState().orElse("")),
                    system,
                    e,
                    sequence);
        }
        if (e instanceof LifecycleEvent.BootCycleStarted s) {
            return event(
                    BootMessage.BootCycleStarted,
                    List.of(hostId, Long.toString(s.number()), s.cause()),
                    system,
                    e,
                    sequence);
        }
        if (e instanceof LifecycleEvent.BootCycleEnded c) {
            BootCycle cycle = c.cycle();
            String outcome = cycle.outcome().map(Enum::name).orElse("UNKNOWN");
            return event(
                    BootMessage.BootCycleCompleted,
                    List.of(hostId, Long.toString(cycle.number()), outcome, seconds(cycle.elapsed(c.at()))),
                    system,
                    e,
                    sequence);
        }
        if (e instanceof LifecycleEvent.NetworkBootFailed n) {
            return event(
                    BootMessage.NetworkBootAttemptFailed,
                    List.of(
                            hostId,
                            n.interfaceName().isEmpty()
                                    ? n.iface().map(BootInterface::describe).orElse("")
                                    : n.interfaceName(),
                            BootInterface.failure(n.kind(), n.iface()),
                            seconds(n.timeLost())),
                    system,
                    e,
                    sequence);
        }
        if (e instanceof LifecycleEvent.FirmwareProblemReported f) {
            return event(
                    BootMessage.FirmwareProblemReported,
                    List.of(hostId, f.kind().name(), String.format(Locale.ROOT, "0x%02X", f.eventData2())),
                    system,
                    e,
                    sequence);
        }
        if (e instanceof LifecycleEvent.AlertRaised r) {
            return alertRaised(hostId, r, system, chassis, sequence);
        }
        if (e instanceof LifecycleEvent.AlertUpdated u) {
            return Optional.of(new RedfishEvent(
                    BootMessage.AlertUpdated.messageId(),
                    List.of(hostId, u.alert().kind().name(), u.alert().detail()),
                    onChassis(u.alert().kind()) ? chassis : system,
                    EventSeverity.valueOf(u.alert().severity().name()),
                    u.at(),
                    sequence));
        }
        if (e instanceof LifecycleEvent.AlertCleared c) {
            BootMessage m = switch (c.kind()) {
                case STUCK_PRE_OS -> BootMessage.StuckPreOsCleared;
                case FAN_FAILSAFE -> BootMessage.FanFailSafeLeft;
                case BOOT_ORDER -> BootMessage.BootOrderAlarmCleared;
                case SLOW_BOOT -> BootMessage.SlowBootCleared;
                case MISSING_MEMORY -> BootMessage.MissingMemoryCleared;
                case FAN_STALL -> BootMessage.FanStallCleared;
            };
            return event(m, List.of(hostId, c.reason()), onChassis(c.kind()) ? chassis : system, e, sequence);
        }
        if (e instanceof LifecycleEvent.FanModeChanged f) {
            return event(
                    BootMessage.FanModeChanged, List.of(hostId, f.mode().name(), f.reason()), chassis, e, sequence);
        }
        if (e instanceof LifecycleEvent.ReconcileDecided d) {
            EventSeverity severity = switch (d.decision()) {
                case OK -> EventSeverity.OK;
                case REAPPLY_AND_REBOOT -> EventSeverity.Warning;
                case ALARM -> EventSeverity.Critical;
            };
            List<String> args = List.of(
                    hostId,
                    d.decision().name(),
                    Integer.toString(d.attempt()),
                    String.join(", ", d.declared()),
                    String.join(", ", d.reported()));
            return Optional.of(new RedfishEvent(
                    BootMessage.BootOrderReconciled.messageId(), args, system, severity, d.at(), sequence));
        }
        return Optional.empty();
    }

    private static Optional<RedfishEvent> alertRaised(
            String hostId, LifecycleEvent.AlertRaised r, String system, String chassis, long sequence) {
        return switch (r.alert().kind()) {
            case STUCK_PRE_OS ->
                event(
                        BootMessage.StuckPreOsRaised,
                        List.of(hostId, r.alert().phase(), seconds(r.alert().elapsed())),
                        system,
                        r,
                        sequence);
            case FAN_FAILSAFE ->
                event(BootMessage.FanFailSafeEntered, List.of(hostId, r.alert().detail()), chassis, r, sequence);
            case BOOT_ORDER ->
                event(BootMessage.BootOrderAlarm, List.of(hostId, r.alert().detail()), system, r, sequence);
            case SLOW_BOOT ->
                event(BootMessage.SlowBootRaised, List.of(hostId, r.alert().detail()), system, r, sequence);
            case MISSING_MEMORY ->
                event(BootMessage.MissingMemoryRaised, List.of(hostId, r.alert().detail()), system, r, sequence);
            case FAN_STALL ->
                event(BootMessage.FanStallRaised, List.of(hostId, r.alert().detail()), chassis, r, sequence);
        };
    }

    /** Fan alerts concern the chassis, the others the host. */
    private static boolean onChassis(AlertKind kind) {
        return kind == AlertKind.FAN_FAILSAFE || kind == AlertKind.FAN_STALL;
    }

    private static Optional<RedfishEvent> event(
            BootMessage m, List<String> args, String origin, LifecycleEvent e, long sequence) {
        return Optional.of(new RedfishEvent(m.messageId(), args, origin, m.severity(), e.at(), sequence));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
