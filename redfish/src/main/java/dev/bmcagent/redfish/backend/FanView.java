package dev.bmcagent.redfish.backend;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One fan of a chassis.
 *
 * @param id           URI-safe id
 * @param name         display name
 * @param speedPercent SpeedPercent.Reading (duty), absent when unknown
 * @param speedRpm     SpeedPercent.SpeedRPM, absent when unknown
 * @param state        Enabled or UnavailableOffline
 * @param health       health
 */
public record FanView(
        String id,
        String name,
        OptionalDouble speedPercent,
        OptionalDouble speedRpm,
        SensorState state,
        Health health) {
    public FanView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(speedPercent, "speedPercent");
        Objects.requireNonNull(speedRpm, "speedRpm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(health, "health");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("fan id must be a URI-safe id: " + id);
        }
    }
}
