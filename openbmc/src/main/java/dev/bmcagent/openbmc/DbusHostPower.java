package dev.bmcagent.openbmc;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.core.host.HostPowerPort;
import java.util.Objects;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * Power actions through phosphor-state-manager: host transitions on {@code State.Host.RequestedHostTransition}
 * (State/Host.interface.yaml enum Transition: On, Off, GracefulWarmReboot, ForceWarmReboot), chassis power on
 * {@code State.Chassis.RequestedPowerTransition} (State/Chassis.interface.yaml enum Transition: Off, PowerCycle).
 * NMI has no property in these interfaces: refused. A refused or failed request throws.
 */
public final class DbusHostPower implements HostPowerPort {
    private final DBusConnection bus;
    private final int index;

    public DbusHostPower(DBusConnection bus, int index) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.index = index;
    }

    /** The property write an action becomes: service, path, interface, property, enum value. */
    record Request(String service, String path, String iface, String property, String value) {}

    static Request request(PowerAction action, int index) {
        return switch (action) {
            case ON -> host(index, "On");
            case GRACEFUL_SHUTDOWN -> host(index, "Off");
            case WARM_RESET -> host(index, "GracefulWarmReboot");
            case HARD_RESET -> host(index, "ForceWarmReboot");
            case FORCE_OFF -> chassis(index, "Off");
            case POWER_CYCLE -> chassis(index, "PowerCycle");
            case NMI -> throw new UnsupportedOperationException("NMI: not available through State.Host/Chassis");
        };
    }

    private static Request host(int index, String value) {
        return new Request(
                Pdi.HOST_SERVICE,
                Pdi.hostPath(index),
                Pdi.HOST,
                "RequestedHostTransition",
                Pdi.enumValue(Pdi.HOST_TRANSITION, value));
    }

    private static Request chassis(int index, String value) {
        return new Request(
                Pdi.CHASSIS_SERVICE,
                Pdi.chassisPath(index),
                Pdi.CHASSIS,
                "RequestedPowerTransition",
                Pdi.enumValue(Pdi.CHASSIS_TRANSITION, value));
    }

    @Override
    public void perform(PowerAction action) {
        Request r = request(action, index);
        try {
            bus.getRemoteObject(r.service(), r.path(), Properties.class).Set(r.iface(), r.property(), r.value());
        } catch (DBusException | DBusExecutionException e) {
            throw new IllegalStateException(
                    "host" + index + ": " + action + " (" + r.property() + "=" + r.value() + ") failed: "
                            + e.getMessage(),
                    e);
        }
    }
}
