package dev.bmcagent.acpi.state;

import java.util.Optional;

/**
 * ACPI system power states as IPMI carries them.
 *
 * <p>Three encodings of the same state, which differ for legacy and unknown:
 * the Set/Get ACPI Power State command code (IPMI 2.0 §20.6, table 20-?),
 * the SEL "System ACPI Power State" (sensor type 22h) event offset (IPMI 2.0 table 42-3),
 * and the OpenBMC D-Bus name ({@code xyz.openbmc_project.Control.Power.ACPIPowerState}).
 */
public enum AcpiSystemState {
    S0_G0_D0(0x00, 0x00, "S0_G0_D0", "S0/G0: working"),
    S1_D1(0x01, 0x01, "S1_D1", "S1: sleeping with system h/w & processor context maintained"),
    S2_D2(0x02, 0x02, "S2_D2", "S2: sleeping, processor context lost"),
    S3_D3(0x03, 0x03, "S3_D3", "S3: sleeping, processor & h/w context lost, memory retained"),
    S4(0x04, 0x04, "S4", "S4: non-volatile sleep/suspend-to-disk"),
    S5_G2(0x05, 0x05, "S5_G2", "S5/G2: soft-off"),
    S4_S5(0x06, 0x06, "S4_S5", "S4/S5: soft-off"),
    G3(0x07, 0x07, "G3", "G3: mechanical off"),
    SLEEP(0x08, 0x08, "SLEEP", "Sleeping in S1/S2/S3 state"),
    G1_SLEEP(0x09, 0x09, "G1_SLEEP", "G1: sleeping"),
    OVERRIDE(0x0A, 0x0A, "OVERRIDE", "S5: entered by override"),
    LEGACY_ON(0x20, 0x0B, "LEGACY_ON", "Legacy ON state"),
    LEGACY_OFF(0x21, 0x0C, "LEGACY_OFF", "Legacy soft-off"),
    UNKNOWN(0x2A, 0x0E, "Unknown", "Unknown");

    /** Command code meaning "do not change the system state" (bit 7 clear / code 7Fh). */
    public static final int NO_CHANGE = 0x7F;

    private static final AcpiSystemState[] BY_COMMAND_CODE = new AcpiSystemState[0x80];
    private static final AcpiSystemState[] BY_SEL_OFFSET = new AcpiSystemState[0x10];

    static {
        for (AcpiSystemState s : values()) {
            if (BY_COMMAND_CODE[s.commandCode] != null || BY_SEL_OFFSET[s.selOffset] != null) {
                throw new IllegalStateException("duplicate ACPI system state code: " + s);
            }
            BY_COMMAND_CODE[s.commandCode] = s;
            BY_SEL_OFFSET[s.selOffset] = s;
        }
    }

    private final int commandCode;
    private final int selOffset;
    private final String dbusName;
    private final String description;

    AcpiSystemState(int commandCode, int selOffset, String dbusName, String description) {
        this.commandCode = commandCode;
        this.selOffset = selOffset;
        this.dbusName = dbusName;
        this.description = description;
    }

    /** Code in Set/Get ACPI Power State (bits 6:0 of request byte 1). */
    public int commandCode() {
        return commandCode;
    }

    /** Event offset in a SEL record of sensor type 22h (event data 1, bits 3:0). */
    public int selOffset() {
        return selOffset;
    }

    /** The OpenBMC D-Bus enumeration name. */
    public String dbusName() {
        return dbusName;
    }

    /** Text ipmitool prints for the SEL offset. */
    public String description() {
        return description;
    }

    public static Optional<AcpiSystemState> fromCommandCode(int code) {
        return code >= 0 && code < BY_COMMAND_CODE.length
                ? Optional.ofNullable(BY_COMMAND_CODE[code])
                : Optional.empty();
    }

    public static Optional<AcpiSystemState> fromSelOffset(int offset) {
        return offset >= 0 && offset < BY_SEL_OFFSET.length
                ? Optional.ofNullable(BY_SEL_OFFSET[offset])
                : Optional.empty();
    }
}
