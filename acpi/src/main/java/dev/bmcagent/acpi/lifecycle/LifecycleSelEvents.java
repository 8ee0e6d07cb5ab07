package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.state.AcpiSystemState;

/**
 * The SEL records the lifecycle writes (IPMI 2.0 table 42-3, sensor-specific event type 6Fh), one factory per kind.
 * The offsets and event data chosen here are the contract with the ipmi module and {@code ipmitool sel elist}.
 */
public final class LifecycleSelEvents {

    /** 1Dh System Boot/Restart Initiated, offset 00h "Initiated by power up". */
    public static final int RESTART_POWER_UP = 0x00;
    /** 1Dh offset 01h "Initiated by hard reset". */
    public static final int RESTART_HARD_RESET = 0x01;
    /** 1Dh offset 02h "Initiated by warm reset". */
    public static final int RESTART_WARM_RESET = 0x02;
    /** 1Dh offset 07h "System Restart": event data 2 = restart cause (Get System Restart Cause codes). */
    public static final int RESTART_SYSTEM_RESTART = 0x07;
    /** Restart cause 00h "unknown" (Get System Restart Cause, IPMI 2.0 §28.11): a restart the BMC only inferred. */
    public static final int RESTART_CAUSE_UNKNOWN = 0x00;

    /** 0Fh System Firmware offset 00h "System Firmware Error (POST Error)". */
    public static final int FW_ERROR = 0x00;
    /** 0Fh offset 01h "System Firmware Hang". */
    public static final int FW_HANG = 0x01;
    /** 0Fh offset 02h "System Firmware Progress". */
    public static final int FW_PROGRESS = 0x02;
    /** 0Fh offset 00h event data 2 00h: "Unspecified" error (what an EFI error code becomes). */
    public static final int FW_ERROR_UNSPECIFIED = 0x00;

    /** 1Fh OS Boot offset 06h "boot completed - boot device not specified". */
    public static final int OS_BOOT_COMPLETED = 0x06;

    private LifecycleSelEvents() {}

    /** Event data 3 (an OEM code) of an ACPI record whose state the BMC inferred rather than the host reported. */
    public static final int ACPI_INFERRED_BY_BMC = 0x01;

    /** 22h System ACPI Power State: offset = the state's SEL offset. */
    public static SelEvent acpi(AcpiSystemState state) {
        return SelEvent.of(SelEvent.SelSensor.ACPI_STATUS, state.selOffset());
    }

    /**
     * 22h for a state the BMC inferred (e.g. S5 when power-good dropped without an S5 report): the same offset, and
     * event data 3 = {@link #ACPI_INFERRED_BY_BMC} as an OEM code, so the SEL says it was not reported by the host.
     */
    public static SelEvent acpiInferred(AcpiSystemState state) {
        return new SelEvent(
                SelEvent.SelSensor.ACPI_STATUS, state.selOffset(), SelEvent.UNSPECIFIED, ACPI_INFERRED_BY_BMC, true);
    }

    /** 1Dh: power up (00h), hard reset (01h), warm reset (02h), ED2 FFh. */
    public static SelEvent restart(int offset) {
        return SelEvent.of(SelEvent.SelSensor.RESTART_CAUSE, offset);
    }

    /** 1Dh offset 07h "System Restart" with the cause in event data 2. */
    public static SelEvent systemRestart(int cause) {
        return new SelEvent(
                SelEvent.SelSensor.RESTART_CAUSE, RESTART_SYSTEM_RESTART, cause, SelEvent.UNSPECIFIED, true);
    }

    /** 0Fh offset 02h, event data 2 = the IPMI progress code. */
    public static SelEvent firmwareProgress(int eventData2) {
        return new SelEvent(SelEvent.SelSensor.FW_PROGRESS, FW_PROGRESS, eventData2, SelEvent.UNSPECIFIED, true);
    }

    /** 0Fh offset 00h (error) or 01h (hang) with the host's event data 2. */
    public static SelEvent firmwareProblem(LifecycleInput.FirmwareProblemKind kind, int eventData2) {
        int offset = kind == LifecycleInput.FirmwareProblemKind.ERROR ? FW_ERROR : FW_HANG;
        return new SelEvent(SelEvent.SelSensor.FW_PROGRESS, offset, eventData2, SelEvent.UNSPECIFIED, true);
    }

    /** 1Eh Boot Error: offset = the kind's offset (00h no bootable media, 02h PXE server not found, ...). */
    public static SelEvent bootError(LifecycleInput.BootErrorKind kind) {
        return SelEvent.of(SelEvent.SelSensor.BOOT_ERROR, kind.selOffset());
    }

    /** The same with the host's interface encoding kept: ED2 = interface index, ED3 = protocol flags (OEM codes). */
    public static SelEvent bootError(LifecycleInput.BootErrorKind kind, java.util.Optional<BootInterface> iface) {
        return iface.map(i ->
                        new SelEvent(SelEvent.SelSensor.BOOT_ERROR, kind.selOffset(), i.index(), i.eventData3(), true))
                .orElseGet(() -> bootError(kind));
    }

    /** 1Fh OS Boot offset 06h "boot completed - boot device not specified". */
    public static SelEvent osBootCompleted() {
        return SelEvent.of(SelEvent.SelSensor.OS_BOOT, OS_BOOT_COMPLETED);
    }

    /**
     * OEM BOOT_ORDER (sensor type C0h): offset = decision (00h OK, 01h re-apply and reboot, 02h alarm),
     * event data 2 = re-apply attempts made for the declaration, event data 3 = the maximum allowed.
     */
    public static SelEvent bootOrder(LifecycleEvent.ReconcileDecision decision, int attempts, int maxAttempts) {
        int offset = switch (decision) {
            case OK -> 0x00;
            case REAPPLY_AND_REBOOT -> 0x01;
            case ALARM -> 0x02;
        };
        return new SelEvent(
                SelEvent.SelSensor.BOOT_ORDER, offset, Math.min(attempts, 0xFE), Math.min(maxAttempts, 0xFE), true);
    }
}
