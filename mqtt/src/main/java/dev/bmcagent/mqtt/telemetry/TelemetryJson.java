package dev.bmcagent.mqtt.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.event.HostEvent;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Pure builders of the published JSON documents (schemas in docs/MQTT.md). Every document carries
 * {@code sessionId}, {@code hostId}, {@code sequence}, {@code time} (RFC 3339) and {@code elapsedNanos}
 * (monotonic since the agent run started).
 */
final class TelemetryJson {
    /** Schema version of every document. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TelemetryJson() {}

    /** The events-topic document of one recorded event. */
    public static ObjectNode event(HostEvent e) {
        ObjectNode n = header(e.sessionId(), e.hostId(), e.sequence(), e.at(), e.elapsedNanos());
        n.put("type", EventData.type(e.event()));
        n.put("eventTime", e.event().at().toString());
        n.set("data", EventData.of(e.event()));
        return n;
    }

    /**
     * The retained state document.
     *
     * @param sequence the last event sequence number of the host when the state was read
     */
    public static ObjectNode state(
            String sessionId, String hostId, long sequence, HostState s, Instant now, long elapsedNanos) {
        ObjectNode n = header(sessionId, hostId, sequence, now, elapsedNanos);
        n.put("power", s.powerOn() ? "On" : "Off");
        n.put("connected", s.connected());
        ObjectNode acpi = n.putObject("acpi");
        acpi.put("system", s.system().dbusName())
                .put("systemCode", s.system().commandCode())
                .put("device", s.device().dbusName())
                .put("deviceCode", s.device().commandCode())
                .put("inferred", s.acpiInferred())
                .put("changedAt", s.acpiChangedAt().toString());
        HostPhase phase = HostPhase.of(s);
        n.put("phase", phase.name());
        n.put("preOs", phase.preOs());
        n.set("bootProgress", EventData.bootProgress(s.progress()));
        s.progress()
                .lastBootTimeSeconds()
                .ifPresentOrElse(
                        d -> n.put("LastBootTimeSeconds", EventData.seconds(d)),
                        () -> n.putNull("LastBootTimeSeconds"));
        s.cycle()
                .ifPresentOrElse(
                        c -> {
                            ObjectNode cy = n.putObject("cycle");
                            cy.put("number", c.number())
                                    .put("cause", c.cause())
                                    .put("startedAt", c.startedAt().toString())
                                    .put(
                                            "phase",
                                            c.phases().isEmpty()
                                                    ? "None"
                                                    : c.phases()
                                                            .get(c.phases().size() - 1)
                                                            .state()
                                                            .name())
                                    .put(
                                            "elapsedSeconds",
                                            EventData.seconds(Duration.between(
                                                    c.startedAt(), c.endedAt().orElse(now))))
                                    .put("networkBootAttempts", c.attempts().size());
                        },
                        () -> n.putNull("cycle"));
        n.put("fanMode", s.fanMode().name());
        ArrayNode gated = n.putArray("gatedSensorClasses");
        for (GateClass g : GateClass.values()) {
            if (!s.gateOpen(g)) {
                gated.add(g.name());
            }
        }
        ArrayNode failed = n.putArray("failedSensors");
        s.failedSensors().stream().sorted().forEach(failed::add);
        ArrayNode alerts = n.putArray("alerts");
        for (AlertKind k : AlertKind.values()) {
            Alert a = s.alerts().get(k);
            if (a != null) {
                alerts.add(EventData.alert(a));
            }
        }
        return n;
    }

    /** The retained alert document of one active alert. */
    public static ObjectNode alert(
            String sessionId, String hostId, long sequence, Alert a, Instant now, long elapsedNanos) {
        ObjectNode n = header(sessionId, hostId, sequence, now, elapsedNanos);
        n.put("active", true);
        n.setAll(EventData.alert(a));
        return n;
    }

    /** The agent status document (retained on connect; the will carries "offline"). */
    /** The storage alert: which journals cannot be written and why. */
    public static ObjectNode storageAlert(
            String sessionId, java.util.List<String> problems, Instant now, long elapsedNanos) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schema", SCHEMA)
                .put("sessionId", sessionId)
                .put("kind", "critical")
                .put("reason", "storage")
                .put("time", now.toString())
                .put("elapsedNanos", elapsedNanos);
        problems.forEach(n.putArray("problems")::add);
        return n;
    }

    public static ObjectNode status(String sessionId, String status, Instant now, long elapsedNanos) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schema", SCHEMA)
                .put("status", status)
                .put("sessionId", sessionId)
                .put("time", now.toString())
                .put("elapsedNanos", elapsedNanos);
        return n;
    }

    /**
     * The last will: {@code offline} with {@code reason} "connection lost" and {@code connectedAt}, the time the
     * connection was made. It carries no {@code time}: the broker publishes it whenever the agent dies, so any
     * time written at connect would be presented as the time of death.
     */
    public static ObjectNode will(String sessionId, Instant connectedAt) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schema", SCHEMA)
                .put("status", "offline")
                .put("sessionId", sessionId)
                .put("reason", "connection lost")
                .put("connectedAt", connectedAt.toString());
        return n;
    }

    public static byte[] bytes(ObjectNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode header(String sessionId, String hostId, long sequence, Instant at, long elapsedNanos) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schema", SCHEMA)
                .put("sessionId", sessionId)
                .put("hostId", hostId)
                .put("sequence", sequence)
                .put("time", at.toString())
                .put("elapsedNanos", elapsedNanos);
        return n;
    }
}
