package dev.bmcagent.ipmi.sdr;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One sensor as the SDR describes it. Threshold sensors ({@code linearization != null}) get a full record
 * (type 01h), discrete sensors a compact record (type 02h).
 *
 * @param number           sensor number (see {@link SensorNumbers})
 * @param name             ID string, 1-16 ASCII characters
 * @param sensorType       IPMI sensor type (table 42-3)
 * @param eventReadingType 01h threshold, 6Fh sensor-specific
 * @param entityId         entity ID (table 43-13)
 * @param entityInstance   entity instance
 * @param linearization    conversion and units; null for discrete sensors
 * @param thresholds       raw thresholds ({@link Thresholds#ABSENT} for discrete sensors)
 * @param discreteMask     supported offsets of a discrete sensor (bit n = offset n); 0 for threshold sensors
 */
public record SensorDefinition(
        int number,
        String name,
        int sensorType,
        int eventReadingType,
        int entityId,
        int entityInstance,
        Linearization linearization,
        Thresholds thresholds,
        int discreteMask) {
    public static final int EVENT_READING_THRESHOLD = 0x01;
    public static final int EVENT_READING_SENSOR_SPECIFIC = 0x6F;

    public SensorDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(thresholds, "thresholds");
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length < 1 || ascii.length > 16 || !name.equals(new String(ascii, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("sensor name must be 1-16 ASCII characters: " + name);
        }
        if (number < 1 || number > 0xFE) {
            throw new IllegalArgumentException("sensor number out of range: " + number);
        }
        if ((linearization == null) == (eventReadingType == EVENT_READING_THRESHOLD)) {
            throw new IllegalArgumentException(name + ": threshold sensors need a linearization, others none");
        }
        if (discreteMask < 0 || discreteMask > 0x7FFF) {
            throw new IllegalArgumentException("discrete mask out of range");
        }
    }

    public static SensorDefinition threshold(
            int number,
            String name,
            int sensorType,
            int entityId,
            int entityInstance,
            Linearization linearization,
            Thresholds thresholds) {
        return new SensorDefinition(
                number,
                name,
                sensorType,
                EVENT_READING_THRESHOLD,
                entityId,
                entityInstance,
                Objects.requireNonNull(linearization, "linearization"),
                thresholds,
                0);
    }

    public static SensorDefinition discrete(
            int number, String name, int sensorType, int entityId, int entityInstance, int discreteMask) {
        return new SensorDefinition(
                number,
                name,
                sensorType,
                EVENT_READING_SENSOR_SPECIFIC,
                entityId,
                entityInstance,
                null,
                Thresholds.ABSENT,
                discreteMask);
    }

    public boolean isThreshold() {
        return linearization != null;
    }
}
