package dev.bmcagent.openbmc;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Pure translations of phosphor D-Bus property values into lifecycle inputs (table-tested in
 * {@code PhosphorInputsTest}). Enumeration spellings from phosphor-dbus-interfaces:
 * Control/Power/ACPIPowerState.interface.yaml (enum ACPI), State/Boot/Progress.interface.yaml (ProgressStages),
 * State/Chassis.interface.yaml (PowerState), State/Boot/Raw.interface.yaml (Value: struct[array[byte],array[byte]]).
 */
public final class PhosphorInputs {
    private PhosphorInputs() {}

    /** An ACPI enumeration string → the system state with that D-Bus name; empty for anything else. */
    public static Optional<AcpiSystemState> system(String dbusValue) {
        return Pdi.enumName(Pdi.ACPI_ENUM, dbusValue).flatMap(n -> {
            for (AcpiSystemState s : AcpiSystemState.values()) {
                if (s.dbusName().equals(n)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        });
    }

    /**
     * DevACPIStatus uses the same enumeration (ACPI) as SysACPIStatus; its device part is the D state named after
     * the last underscore ({@code S1_D1} → D1, {@code S0_G0_D0} → D0, {@code S3_D3} → D3); {@code Unknown} →
     * Unknown; values without a D state (S4, G3...) are empty.
     */
    public static Optional<AcpiDeviceState> device(String dbusValue) {
        return Pdi.enumName(Pdi.ACPI_ENUM, dbusValue).flatMap(n -> {
            if (n.equals("Unknown")) {
                return Optional.of(AcpiDeviceState.UNKNOWN);
            }
            String last = n.substring(n.lastIndexOf('_') + 1);
            for (AcpiDeviceState d : AcpiDeviceState.values()) {
                if (d != AcpiDeviceState.UNKNOWN && d.dbusName().equals(last)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        });
    }

    /**
     * A ProgressStages value → the input it means: the IPMI System Firmware Progress code of the same step (IPMI 2.0
     * table 42-3, which the core translates back to the Redfish state and logs in the SEL), or OS boot complete
     * for OSRunning. BusInit, SystemInitComplete, OEM and Unspecified have no IPMI code: empty (ignored).
     */
    public static Optional<LifecycleInput> progress(String dbusValue) {
        Optional<String> name = Pdi.enumName(Pdi.PROGRESS_STAGES, dbusValue);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt code = switch (name.get()) {
            case "PrimaryProcInit" -> OptionalInt.of(0x19);
            case "MemoryInit" -> OptionalInt.of(0x01);
            case "SecondaryProcInit" -> OptionalInt.of(0x03);
            case "PCIInit" -> OptionalInt.of(0x07);
            case "SystemSetup" -> OptionalInt.of(0x05);
            case "OSStart" -> OptionalInt.of(0x13);
            case "MotherboardInit" -> OptionalInt.of(0x14);
            default -> OptionalInt.empty();
        };
        if (code.isPresent()) {
            return Optional.of(new LifecycleInput.Progress(new ProgressCode.IpmiFirmwareProgress(code.getAsInt())));
        }
        return name.get().equals("OSRunning") ? Optional.of(new LifecycleInput.OsBootComplete()) : Optional.empty();
    }

    /** Chassis CurrentPowerState → power good: On → true, Off → false, transitioning → empty (wait). */
    public static Optional<Boolean> powerGood(String dbusValue) {
        return Pdi.enumName(Pdi.CHASSIS_POWER_STATE, dbusValue).flatMap(n -> switch (n) {
            case "On" -> Optional.of(true);
            case "Off" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    /**
     * A Boot.Raw Value's primary code (the bytes snoopd read from the port-80/81 snoop, first port first) → a POST
     * code input; empty when it has no byte or more than two (ProgressCode.PostCode holds at most 16 bits).
     */
    public static Optional<LifecycleInput> postCode(List<Byte> primary) {
        if (primary.isEmpty() || primary.size() > 2) {
            return Optional.empty();
        }
        int value = 0;
        for (int i = primary.size() - 1; i >= 0; i--) {
            value = value << 8 | (primary.get(i) & 0xFF);
        }
        return Optional.of(new LifecycleInput.Progress(new ProgressCode.PostCode(value)));
    }
}
