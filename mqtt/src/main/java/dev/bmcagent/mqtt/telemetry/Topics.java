package dev.bmcagent.mqtt.telemetry;

import dev.bmcagent.acpi.policy.AlertKind;
import java.util.Locale;
import java.util.Objects;

/** The telemetry topic tree under one agent's prefix (see docs/MQTT.md). */
public record Topics(String prefix) {
    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** {@code <prefix>/status}: "online" (retained) or "offline" (the last will). */
    public String status() {
        return prefix + "/status";
    }

    /**
     * {@code <prefix>/alerts/storage}: retained while the BMC cannot store records (disk full), empty retained when
     * it can again.
     */
    public String storageAlert() {
        return prefix + "/alerts/storage";
    }

    /** {@code <prefix>/<host>/state}: retained current state document. */
    public String state(String hostId) {
        return prefix + "/" + hostId + "/state";
    }

    /** {@code <prefix>/<host>/events}: every lifecycle event, QoS 1, not retained. */
    public String events(String hostId) {
        return prefix + "/" + hostId + "/events";
    }

    /** {@code <prefix>/<host>/alerts/<kind>}: retained while active, empty retained when cleared. */
    public String alert(String hostId, AlertKind kind) {
        return prefix + "/" + hostId + "/alerts/" + alertLevel(kind);
    }

    /** The topic level of an alert kind: {@code stuck-pre-os}, {@code fan-failsafe}, {@code boot-order}. */
    public static String alertLevel(AlertKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace("_pre_", "-pre-").replace('_', '-');
    }
}
