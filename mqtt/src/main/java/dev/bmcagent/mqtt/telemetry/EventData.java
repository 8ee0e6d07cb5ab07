package dev.bmcagent.mqtt.telemetry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.progress.BootProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The {@code data} object of each lifecycle event type (pure; the shapes are in docs/MQTT.md). */
final class EventData {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EventData() {}

    /** The event type name as published: the record's simple name, e.g. "AcpiChanged". */
    static String type(LifecycleEvent e) {
        return e.getClass().getSimpleName();
    }

    static ObjectNode of(LifecycleEvent e) {
        ObjectNode d = F.objectNode();
        if (e instanceof LifecycleEvent.PowerChanged p) {
            d.put("on", p.on()).put("cause", p.cause());
        } else if (e instanceof LifecycleEvent.AcpiChanged a) {
            d.put("system", a.system().dbusName())
                    .put("systemCode", a.system().commandCode())
                    .put("device", a.device().dbusName())
                    .put("inferred", a.inferred())
                    .put("cause", a.cause());
        } else if (e instanceof LifecycleEvent.BootProgressChanged b) {
            d.set("bootProgress", bootProgress(b.progress()));
        } else if (e instanceof LifecycleEvent.PostCodeSeen p) {
            d.put("code", p.code());
        } else if (e instanceof LifecycleEvent.BootCycleStarted b) {
            d.put("cycle", b.number()).put("cause", b.cause());
        } else if (e instanceof LifecycleEvent.BootCycleEnded b) {
            d.set("cycle", cycleSummary(b.cycle()));
        } else if (e instanceof LifecycleEvent.NetworkBootFailed n) {
            d.put("interface", n.interfaceName())
                    .put("outcome", n.kind().name())
                    .put("timeLostSeconds", seconds(n.timeLost()));
            iface(d, n.iface(), n.kind());
        } else if (e instanceof LifecycleEvent.FirmwareProblemReported f) {
            d.put("kind", f.kind().name()).put("eventData2", f.eventData2());
        } else if (e instanceof LifecycleEvent.AlertRaised a) {
            d.set("alert", alert(a.alert()));
        } else if (e instanceof LifecycleEvent.AlertUpdated a) {
            d.set("alert", alert(a.alert()));
        } else if (e instanceof LifecycleEvent.AlertCleared c) {
            d.put("kind", Topics.alertLevel(c.kind())).put("reason", c.reason());
        } else if (e instanceof LifecycleEvent.GateChanged g) {
            d.put("gate", g.gate().name()).put("open", g.open());
        } else if (e instanceof LifecycleEvent.FanModeChanged f) {
            d.put("mode", f.mode().name()).put("reason", f.reason());
        } else if (e instanceof LifecycleEvent.PowerActionRequested p) {
            d.put("action", p.action().name()).put("reason", p.reason());
        } else if (e instanceof LifecycleEvent.ReconcileDecided r) {
            d.put("decision", r.decision().name()).put("attempt", r.attempt());
            d.set("declared", strings(r.declared()));
            d.set("reported", strings(r.reported()));
        }
        return d;
    }

    static ObjectNode bootProgress(BootProgress p) {
        ObjectNode n = F.objectNode();
        n.put("LastState", p.lastState().name());
        n.put("LastStateTime", p.lastStateTime().toString());
        p.oemLastState().ifPresentOrElse(s -> n.put("OemLastState", s), () -> n.putNull("OemLastState"));
        p.lastBootTimeSeconds()
                .ifPresentOrElse(d -> n.put("LastBootTimeSeconds", seconds(d)), () -> n.putNull("LastBootTimeSeconds"));
        return n;
    }

    static ObjectNode alert(Alert a) {
        return F.objectNode()
                .put("kind", Topics.alertLevel(a.kind()))
                .put("severity", a.severity().name())
                .put("detail", a.detail())
                .put("phase", a.phase())
                .put("elapsedSeconds", seconds(a.elapsed()))
                .put("raisedAt", a.raisedAt().toString());
    }

    /** One boot cycle: number, cause, outcome, duration of each phase, network-boot attempts. */
    static ObjectNode cycleSummary(BootCycle c) {
        ObjectNode n = F.objectNode();
        n.put("number", c.number())
                .put("cause", c.cause())
                .put("startedAt", c.startedAt().toString());
        c.endedAt().ifPresentOrElse(t -> n.put("endedAt", t.toString()), () -> n.putNull("endedAt"));
        c.outcome().ifPresentOrElse(o -> n.put("outcome", o.name()), () -> n.putNull("outcome"));
        Instant end = c.endedAt().orElse(null);
        List<BootCycle.PhaseMark> marks = c.phases();
        ArrayNode phases = n.putArray("phases");
        for (int i = 0; i < marks.size(); i++) {
            BootCycle.PhaseMark m = marks.get(i);
            Instant until = i + 1 < marks.size() ? marks.get(i + 1).at() : end;
            ObjectNode p = phases.addObject()
                    .put("state", m.state().name())
                    .put("detail", m.detail())
                    .put("at", m.at().toString());
            if (until != null) {
                p.put("durationSeconds", seconds(Duration.between(m.at(), until)));
            } else {
                p.putNull("durationSeconds");
            }
        }
        ArrayNode attempts = n.putArray("networkBootAttempts");
        for (BootCycle.NetworkBootAttempt a : c.attempts()) {
            ObjectNode o = attempts.addObject()
                    .put("interface", a.interfaceName())
                    .put("outcome", a.kind().name())
                    .put("timeLostSeconds", seconds(a.timeLost()))
                    .put("at", a.at().toString());
            iface(o, a.iface(), a.kind());
        }
        if (end != null) {
            n.put("totalSeconds", seconds(Duration.between(c.startedAt(), end)));
        }
        return n;
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** interfaceIndex, ipVersion, protocol (null when the host did not encode them) and the failure in words. */
    private static void iface(
            ObjectNode d,
            java.util.Optional<dev.bmcagent.acpi.lifecycle.BootInterface> iface,
            dev.bmcagent.acpi.lifecycle.LifecycleInput.BootErrorKind kind) {
        if (iface.isPresent()) {
            d.put("interfaceIndex", iface.get().index())
                    .put("ipVersion", iface.get().ipVersion().name())
                    .put("protocol", iface.get().protocol().name());
        } else {
            d.putNull("interfaceIndex").putNull("ipVersion").putNull("protocol");
        }
        d.put("failure", dev.bmcagent.acpi.lifecycle.BootInterface.failure(kind, iface));
    }
}
