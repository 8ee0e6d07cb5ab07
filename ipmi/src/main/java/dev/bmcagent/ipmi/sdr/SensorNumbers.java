package dev.bmcagent.ipmi.sdr;

/**
 * The fixed sensor-number table. SEL records and SDRs use the same numbers, so {@code ipmitool sel elist}
 * resolves names from the SDR.
 *
 * <pre>
 * number     name              sensor type                        record
 * 01h        CPU_TEMP          01h Temperature (degrees C)        full 01h
 * 02h        CPU_POWER         0Bh Other units-based (Watts)      full 01h
 * 03h        ACPI_STATUS       22h System ACPI Power State        compact 02h
 * 04h        RESTART_CAUSE     1Dh System Boot/Restart Initiated  compact 02h
 * 05h        FW_PROGRESS       0Fh System Firmware Progress       compact 02h
 * 06h        BOOT_ERROR        1Eh Boot Error                     compact 02h
 * 07h        OS_BOOT           1Fh OS Boot                        compact 02h
 * 08h        INLET_TEMP        01h Temperature (degrees C)        full 01h
 * 10h-1Fh    DIMM_TEMP_&lt;slot&gt;  01h Temperature, slot 0-15       full 01h
 * 20h-2Fh    SYS_FAN&lt;n&gt;       04h Fan (RPM), n = 1-16            full 01h
 * </pre>
 */
public final class SensorNumbers {
    public static final int CPU_TEMP = 0x01;
    public static final int CPU_POWER = 0x02;
    public static final int ACPI_STATUS = 0x03;
    public static final int RESTART_CAUSE = 0x04;
    public static final int FW_PROGRESS = 0x05;
    public static final int BOOT_ERROR = 0x06;
    public static final int OS_BOOT = 0x07;
    public static final int INLET_TEMP = 0x08;
    public static final int DIMM_TEMP_BASE = 0x10;
    public static final int SYS_FAN_BASE = 0x20;
    public static final int MAX_DIMM_SLOTS = 16;
    public static final int MAX_FANS = 16;

    private SensorNumbers() {}

    /** Sensor number of DIMM_TEMP_&lt;slot&gt;, slot 0-15. */
    public static int dimmTemp(int slot) {
        if (slot < 0 || slot >= MAX_DIMM_SLOTS) {
            throw new IllegalArgumentException("DIMM slot out of range: " + slot);
        }
        return DIMM_TEMP_BASE + slot;
    }

    /** Sensor number of SYS_FAN&lt;n&gt;, n = 1-16. */
    public static int sysFan(int n) {
        if (n < 1 || n > MAX_FANS) {
            throw new IllegalArgumentException("fan number out of range: " + n);
        }
        return SYS_FAN_BASE + n - 1;
    }
}
