package dev.bmcagent.openbmc;

import java.util.Locale;
import java.util.Optional;

/**
 * Names from phosphor-dbus-interfaces (github.com/openbmc/phosphor-dbus-interfaces, read at commit 341308f4, the
 * YAML under {@code yaml/xyz/openbmc_project/}): interfaces, object paths, enumeration spellings. An enumeration
 * value travels as a string: the interface name, the enumeration name and the value, joined by dots
 * (sdbusplus' convertForMessage), e.g. {@code xyz.openbmc_project.Control.Power.ACPIPowerState.ACPI.S2_D2}.
 */
public final class Pdi {
    private Pdi() {}

    /** Control/Power/ACPIPowerState.interface.yaml: SysACPIStatus, DevACPIStatus (enum ACPI). */
    public static final String ACPI = "xyz.openbmc_project.Control.Power.ACPIPowerState";

    public static final String ACPI_ENUM = ACPI + ".ACPI";
    /** The object phosphor-settingsd hosts and phosphor-host-ipmid writes (Set ACPI Power State). */
    public static final String SETTINGS_SERVICE = "xyz.openbmc_project.Settings";

    /** State/Boot/Progress.interface.yaml: BootProgress (enum ProgressStages), BootProgressLastUpdate (uint64 µs). */
    public static final String BOOT_PROGRESS = "xyz.openbmc_project.State.Boot.Progress";

    public static final String PROGRESS_STAGES = BOOT_PROGRESS + ".ProgressStages";

    /** State/Host.interface.yaml: RequestedHostTransition (enum Transition), CurrentHostState (enum HostState). */
    public static final String HOST = "xyz.openbmc_project.State.Host";

    public static final String HOST_TRANSITION = HOST + ".Transition";
    public static final String HOST_STATE = HOST + ".HostState";
    /** phosphor-state-manager's host service (also owns Boot.Progress on host0 upstream). */
    public static final String HOST_SERVICE = "xyz.openbmc_project.State.Host";

    /** State/Chassis.interface.yaml: RequestedPowerTransition (enum Transition), CurrentPowerState (PowerState). */
    public static final String CHASSIS = "xyz.openbmc_project.State.Chassis";

    public static final String CHASSIS_TRANSITION = CHASSIS + ".Transition";
    public static final String CHASSIS_POWER_STATE = CHASSIS + ".PowerState";
    public static final String CHASSIS_SERVICE = "xyz.openbmc_project.State.Chassis";

    /** State/Boot/Raw.interface.yaml: Value, struct[array[byte],array[byte]] (D-Bus "(ayay)") since 2024-09. */
    public static final String BOOT_RAW = "xyz.openbmc_project.State.Boot.Raw";
    /** phosphor-host-postd (snoopd) owns raw&lt;N&gt;; post-code-manager listens to its PropertiesChanged. */
    public static final String BOOT_RAW_SERVICE = "xyz.openbmc_project.State.Boot.Raw";

    /** Sensor/Value.interface.yaml: Value (double). */
    public static final String SENSOR_VALUE = "xyz.openbmc_project.Sensor.Value";
    /** State/Decorator/Availability.interface.yaml: Available (boolean, default true). */
    public static final String AVAILABILITY = "xyz.openbmc_project.State.Decorator.Availability";
    /** State/Decorator/OperationalStatus.interface.yaml: Functional (boolean). */
    public static final String OPERATIONAL_STATUS = "xyz.openbmc_project.State.Decorator.OperationalStatus";

    /** Control/Mode.interface.yaml: Manual (boolean), FailSafe (boolean); phosphor-pid-control's zone objects. */
    public static final String CONTROL_MODE = "xyz.openbmc_project.Control.Mode";
    /** phosphor-pid-control (swampd) owns the zone mode objects under this name. */
    public static final String FAN_CTRL_SERVICE = "xyz.openbmc_project.State.FanCtrl";
    /** Control/FanPwm.interface.yaml: Target (uint64, 0-255). */
    public static final String FAN_PWM = "xyz.openbmc_project.Control.FanPwm";

    /** ACPIPowerState object of host {@code index} (phosphor-settingsd). */
    public static String acpiPath(int index) {
        return "/xyz/openbmc_project/control/host" + index + "/acpi_power_state";
    }

    /** State.Host + Boot.Progress object of host {@code index} (State/Host.interface.yaml paths: state/host). */
    public static String hostPath(int index) {
        return "/xyz/openbmc_project/state/host" + index;
    }

    /** State.Chassis object of chassis {@code index} (State/Chassis.interface.yaml paths: state/chassis). */
    public static String chassisPath(int index) {
        return "/xyz/openbmc_project/state/chassis" + index;
    }

    /** Boot.Raw object of host {@code index} (snoopd's raw0 on single-host systems). */
    public static String rawPath(int index) {
        return "/xyz/openbmc_project/state/boot/raw" + index;
    }

    /** {@code prefix + "." + value}: the D-Bus spelling of an enumeration value. */
    public static String enumValue(String prefix, String value) {
        return prefix + "." + value;
    }

    /** The value name of a D-Bus enumeration string of {@code prefix}, e.g. "S2_D2"; empty if another enum. */
    public static Optional<String> enumName(String prefix, String dbusValue) {
        if (dbusValue == null || !dbusValue.startsWith(prefix + ".")) {
            return Optional.empty();
        }
        String name = dbusValue.substring(prefix.length() + 1);
        return name.isEmpty() || name.indexOf('.') >= 0 ? Optional.empty() : Optional.of(name);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
