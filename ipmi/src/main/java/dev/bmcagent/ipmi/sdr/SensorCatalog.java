package dev.bmcagent.ipmi.sdr;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard sensor set of a managed host, numbered per {@link SensorNumbers}. Linearization:
 * temperatures 1 degree C per count; fans 100 RPM per count; CPU power 2 W per count.
 */
public final class SensorCatalog {
    static final int ENTITY_PROCESSOR = 0x03;
    static final int ENTITY_SYSTEM_BOARD = 0x07;
    static final int ENTITY_FAN = 0x1D;
    static final int ENTITY_MEMORY_DEVICE = 0x20;
    static final int ENTITY_BIOS = 0x22;
    static final int ENTITY_OS = 0x23;
    static final int ENTITY_AIR_INLET = 0x37;

    public static final Linearization TEMPERATURE = new Linearization(Linearization.UNIT_DEGREES_C, 1, 0, 0, 0);
    public static final Linearization FAN = new Linearization(Linearization.UNIT_RPM, 100, 0, 0, 0);
    public static final Linearization POWER = new Linearization(Linearization.UNIT_WATTS, 2, 0, 0, 0);

    private SensorCatalog() {}

    /**
     * CPU_TEMP, CPU_POWER, the five discrete sensors, INLET_TEMP (the chassis air inlet, readable in every power
     * state), DIMM_TEMP_0..(dimmSlots-1), SYS_FAN1..fans.
     */
    public static List<SensorDefinition> standard(int dimmSlots, int fans) {
        if (dimmSlots < 0 || dimmSlots > SensorNumbers.MAX_DIMM_SLOTS || fans < 0 || fans > SensorNumbers.MAX_FANS) {
            throw new IllegalArgumentException("dimmSlots 0-16 and fans 0-16");
        }
        List<SensorDefinition> list = new ArrayList<>();
        list.add(SensorDefinition.threshold(
                SensorNumbers.CPU_TEMP,
                "CPU_TEMP",
                0x01,
                ENTITY_PROCESSOR,
                1,
                TEMPERATURE,
                Thresholds.upper(85, 95, 105)));
        list.add(SensorDefinition.threshold(
                SensorNumbers.CPU_POWER,
                "CPU_POWER",
                0x0B,
                ENTITY_PROCESSOR,
                1,
                POWER,
                Thresholds.upper(175, 200, 225)));
        list.add(SensorDefinition.discrete(
                SensorNumbers.ACPI_STATUS,
                "ACPI_STATUS",
                0x22,
                ENTITY_SYSTEM_BOARD,
                1,
                0x5FFF)); // offsets 00h-0Ch and 0Eh
        list.add(SensorDefinition.discrete(
                SensorNumbers.RESTART_CAUSE, "RESTART_CAUSE", 0x1D, ENTITY_SYSTEM_BOARD, 1, 0x00FF)); // offsets 00h-07h
        list.add(SensorDefinition.discrete(
                SensorNumbers.FW_PROGRESS, "FW_PROGRESS", 0x0F, ENTITY_BIOS, 1, 0x0007)); // error, hang, progress
        list.add(SensorDefinition.discrete(
                SensorNumbers.BOOT_ERROR, "BOOT_ERROR", 0x1E, ENTITY_SYSTEM_BOARD, 1, 0x001F)); // offsets 00h-04h
        list.add(SensorDefinition.discrete(
                SensorNumbers.OS_BOOT, "OS_BOOT", 0x1F, ENTITY_OS, 1, 0x007F)); // offsets 00h-06h
        list.add(SensorDefinition.threshold(
                SensorNumbers.INLET_TEMP,
                "INLET_TEMP",
                0x01,
                ENTITY_AIR_INLET,
                1,
                TEMPERATURE,
                Thresholds.upper(40, 45, 50)));
        for (int slot = 0; slot < dimmSlots; slot++) {
            list.add(SensorDefinition.threshold(
                    SensorNumbers.dimmTemp(slot),
                    "DIMM_TEMP_" + slot,
                    0x01,
                    ENTITY_MEMORY_DEVICE,
                    slot + 1,
                    TEMPERATURE,
                    Thresholds.upper(80, 85, 95)));
        }
        for (int n = 1; n <= fans; n++) {
            list.add(SensorDefinition.threshold(
                    SensorNumbers.sysFan(n), "SYS_FAN" + n, 0x04, ENTITY_FAN, n, FAN, Thresholds.lower(8, 5, 3)));
        }
        return List.copyOf(list);
    }
}
