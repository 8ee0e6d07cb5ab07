package dev.bmcagent.openbmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * Emulated phosphor services on a private bus, each its own connection owning the upstream well-known name and
 * serving the upstream object path and interfaces with the property types of phosphor-dbus-interfaces' YAML:
 * phosphor-settingsd (ACPIPowerState), phosphor-state-manager host and chassis (State.Host + Boot.Progress,
 * State.Chassis), snoopd (Boot.Raw), a dbus-sensors temperature service, a fan service (Control.FanPwm) and
 * phosphor-pid-control's zone (Control.Mode). Writable where upstream lets a client write.
 */
public final class PhosphorServices implements AutoCloseable {
    public static final String TEMP_SERVICE = "xyz.openbmc_project.HwmonTempSensor";
    public static final String DIMM = "/xyz/openbmc_project/sensors/temperature/DIMM_A0_Temp";
    public static final String CPU = "/xyz/openbmc_project/sensors/temperature/CPU0_Temp";
    public static final String INLET = "/xyz/openbmc_project/sensors/temperature/Inlet_Temp";
    public static final String FAN_SERVICE = "xyz.openbmc_project.FanSensor";
    public static final String PWM = "/xyz/openbmc_project/sensors/fan_tach/Fan0";
    public static final String ZONE = "/xyz/openbmc_project/settings/fanctrl/zone0";

    private final List<DBusConnection> connections = new ArrayList<>();
    private DBusConnection chassisConnection;
    public final DbusObject acpi;
    public final DbusObject host;
    public DbusObject chassis;
    public final DbusObject raw;
    public final DbusObject dimm;
    public final DbusObject cpu;
    public final DbusObject inlet;
    public final DbusObject pwm;
    public final DbusObject zone;

    /** Boot.Raw Value: struct[array[byte],array[byte]] (State/Boot/Raw.interface.yaml), D-Bus "(ayay)". */
    public static final class RawCode extends Struct {
        @Position(0)
        private final byte[] primary;

        @Position(1)
        private final byte[] secondary;

        public RawCode(byte[] primary, byte[] secondary) {
            this.primary = primary;
            this.secondary = secondary;
        }

        public byte[] getPrimary() {
            return primary;
        }

        public byte[] getSecondary() {
            return secondary;
        }
    }

    public PhosphorServices(String address) throws DBusException {
        acpi = new DbusObject(Pdi.acpiPath(0))
                .writable(Pdi.ACPI, "SysACPIStatus", acpiValue("Unknown"), PhosphorServices::isAcpi)
                .writable(Pdi.ACPI, "DevACPIStatus", acpiValue("Unknown"), PhosphorServices::isAcpi);
        serve(address, Pdi.SETTINGS_SERVICE, acpi);
        host = new DbusObject(Pdi.hostPath(0))
                .writable(
                        Pdi.HOST,
                        "RequestedHostTransition",
                        new Variant<>(Pdi.enumValue(Pdi.HOST_TRANSITION, "Off")),
                        (n, v) -> true)
                .readOnly(Pdi.HOST, "CurrentHostState", new Variant<>(Pdi.enumValue(Pdi.HOST_STATE, "Off")))
                .writable(
                        Pdi.BOOT_PROGRESS,
                        "BootProgress",
                        new Variant<>(Pdi.enumValue(Pdi.PROGRESS_STAGES, "Unspecified")),
                        (n, v) -> true)
                .readOnly(Pdi.BOOT_PROGRESS, "BootProgressLastUpdate", new Variant<>(new UInt64(0)));
        serve(address, Pdi.HOST_SERVICE, host);
        chassis = chassisObject("Off");
        serve(address, Pdi.CHASSIS_SERVICE, chassis);
        chassisConnection = connections.get(connections.size() - 1);
        raw = new DbusObject(Pdi.rawPath(0))
                .writable(
                        Pdi.BOOT_RAW, "Value", new Variant<>(new RawCode(new byte[] {0}, new byte[0])), (n, v) -> true);
        serve(address, Pdi.BOOT_RAW_SERVICE, raw);
        dimm = sensor(DIMM, 35.0);
        cpu = sensor(CPU, 41.0);
        inlet = sensor(INLET, 24.0);
        serve(address, TEMP_SERVICE, dimm, cpu, inlet);
        pwm = new DbusObject(PWM)
                .readOnly(Pdi.SENSOR_VALUE, "Value", new Variant<>(3000.0))
                .writable(Pdi.FAN_PWM, "Target", new Variant<>(new UInt64(77)), (n, v) -> true);
        serve(address, FAN_SERVICE, pwm);
        zone = new DbusObject(ZONE)
                .writable(Pdi.CONTROL_MODE, "Manual", new Variant<>(false), (n, v) -> true)
                .readOnly(Pdi.CONTROL_MODE, "FailSafe", new Variant<>(false));
        serve(address, Pdi.FAN_CTRL_SERVICE, zone);
    }

    /**
     * Stops the chassis service and starts it again with {@code powerState} (as phosphor-state-manager restarted, or
     * started after the agent, restores it): no PropertiesChanged is sent for the value it starts with.
     */
    public void restartChassis(String address, String powerState) throws DBusException {
        DBusConnection old = chassisConnection;
        old.disconnect();
        connections.remove(old);
        chassis = chassisObject(powerState);
        serve(address, Pdi.CHASSIS_SERVICE, chassis);
        chassisConnection = connections.get(connections.size() - 1);
    }

    private static DbusObject chassisObject(String powerState) {
        return new DbusObject(Pdi.chassisPath(0))
                .writable(
                        Pdi.CHASSIS,
                        "RequestedPowerTransition",
                        new Variant<>(Pdi.enumValue(Pdi.CHASSIS_TRANSITION, "Off")),
                        (n, v) -> true)
                .writable(
                        Pdi.CHASSIS,
                        "CurrentPowerState",
                        new Variant<>(Pdi.enumValue(Pdi.CHASSIS_POWER_STATE, powerState)),
                        (n, v) -> true);
    }

    static Variant<String> acpiValue(String name) {
        return new Variant<>(Pdi.enumValue(Pdi.ACPI_ENUM, name));
    }

    private static boolean isAcpi(String name, Object v) {
        return v instanceof String s && PhosphorInputs.system(s).isPresent();
    }

    private static DbusObject sensor(String path, double value) {
        // dbus-sensors: Available is writable from outside (its setter also sets Value to NaN when false)
        return new DbusObject(path)
                .readOnly(Pdi.SENSOR_VALUE, "Value", new Variant<>(value))
                .writable(Pdi.AVAILABILITY, "Available", new Variant<>(true), (n, v) -> true)
                .readOnly(Pdi.OPERATIONAL_STATUS, "Functional", new Variant<>(true));
    }

    private void serve(String address, String name, DbusObject... objects) throws DBusException {
        DBusConnection c =
                DBusConnectionBuilder.forAddress(address).withShared(false).build();
        connections.add(c);
        for (DbusObject o : objects) {
            o.export(c);
        }
        c.requestBusName(name);
    }

    static Set<String> names() {
        return Set.of(
                Pdi.SETTINGS_SERVICE,
                Pdi.HOST_SERVICE,
                Pdi.CHASSIS_SERVICE,
                Pdi.BOOT_RAW_SERVICE,
                TEMP_SERVICE,
                FAN_SERVICE,
                Pdi.FAN_CTRL_SERVICE);
    }

    @Override
    public void close() {
        for (DBusConnection c : connections) {
            c.disconnect();
        }
    }
}
