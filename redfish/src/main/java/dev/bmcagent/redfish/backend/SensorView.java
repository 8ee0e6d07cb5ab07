package dev.bmcagent.redfish.backend;

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
 */
public record SensorView(String id, String name, ReadingType kind, OptionalDouble reading, SensorState state,
                         Health health) {
    public SensorView {
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
