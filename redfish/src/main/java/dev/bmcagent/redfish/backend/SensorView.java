package dev.bmcagent.redfish.backend;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One sensor of a chassis.
 *
 * @param id      URI-safe id
 * @param name    display name
 * @param kind    reading type (gives the unit)
 * @param reading the reading, absent when the sensor is not readable
 * @param state   Enabled or UnavailableOffline
 * @param health  health
 * @param thresholds Redfish threshold name (UpperCaution, UpperCritical, UpperFatal, LowerCaution, ...) → value in
 *                   the reading's unit; empty: none
 */
public record SensorView(
        String id,
        String name,
        ReadingType kind,
        OptionalDouble reading,
        SensorState state,
        Health health,
        Map<String, Double> thresholds) {
    /** Without thresholds. */
    public SensorView(
            String id, String name, ReadingType kind, OptionalDouble reading, SensorState state, Health health) {
        this(id, name, kind, reading, state, health, Map.of());
    }

    public SensorView {
        thresholds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(thresholds));
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(health, "health");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("sensor id must be a URI-safe id: " + id);
        }
    }
}
