package dev.bmcagent.acpi.lifecycle;

import java.util.Objects;

/**
 * A SEL record the lifecycle wants written, in domain terms. The ipmi module turns it into the 16-byte
 * record (sensor number from its SDR, generator 20h, EvM rev 04h, event type 6Fh sensor-specific).
 *
 * @param sensor     which discrete sensor (and so which sensor type)
 * @param offset     event offset (event data 1 bits 3:0)
 * @param eventData2 event data 2, or FFh when unspecified
 * @param eventData3 event data 3, or FFh when unspecified
 * @param assertion  assertion (true) or deassertion event
 */
public record SelEvent(SelSensor sensor, int offset, int eventData2, int eventData3, boolean assertion) {
    public static final int UNSPECIFIED = 0xFF;

    public SelEvent {
        Objects.requireNonNull(sensor, "sensor");
        if (offset < 0 || offset > 0x0F) {
            throw new IllegalArgumentException("offset out of range: " + offset);
        }
        if (eventData2 < 0 || eventData2 > 0xFF || eventData3 < 0 || eventData3 > 0xFF) {
            throw new IllegalArgumentException("event data out of range");
        }
    }

    public static SelEvent of(SelSensor sensor, int offset) {
        return new SelEvent(sensor, offset, UNSPECIFIED, UNSPECIFIED, true);
    }

    /** The discrete sensors the lifecycle writes, with their IPMI sensor types (IPMI 2.0 table 42-3). */
    public enum SelSensor {
        ACPI_STATUS(0x22),
        RESTART_CAUSE(0x1D),
        FW_PROGRESS(0x0F),
        BOOT_ERROR(0x1E),
        OS_BOOT(0x1F),
        /** OEM record for reconcile decisions (the SEL's OEM range; see ipmi's SEL factories). */
        BOOT_ORDER(0xC0);

        private final int sensorType;

        SelSensor(int sensorType) {
            this.sensorType = sensorType;
        }

        public int sensorType() {
            return sensorType;
        }
    }
}
