package dev.bmcagent.openbmc;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusProperty;
import org.freedesktop.dbus.annotations.DBusProperty.Access;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt64;

/**
 * The agent's own interface, for introspection (phosphor-objmgr's mapper and {@code busctl introspect} learn the
 * object's interface and properties from it); the values are served by {@link BootStateObject}. docs/OPENBMC.md
 * "The agent's object" documents each property.
 */
@DBusInterfaceName(BootStateObject.IFACE)
@DBusProperty(name = "PowerGood", type = Boolean.class, access = Access.READ)
@DBusProperty(name = "SystemACPIState", type = String.class, access = Access.READ)
@DBusProperty(name = "DeviceACPIState", type = String.class, access = Access.READ)
@DBusProperty(name = "ACPIStateInferred", type = Boolean.class, access = Access.READ)
@DBusProperty(name = "BootProgress", type = String.class, access = Access.READ)
@DBusProperty(name = "OemLastState", type = String.class, access = Access.READ)
@DBusProperty(name = "LastStateTime", type = UInt64.class, access = Access.READ)
@DBusProperty(name = "LastBootTimeSeconds", type = Double.class, access = Access.READ)
@DBusProperty(name = "FanMode", type = String.class, access = Access.READ)
@DBusProperty(name = "ClosedGates", type = String[].class, access = Access.READ)
@DBusProperty(name = "Alerts", type = String[].class, access = Access.READ)
public interface BootState extends DBusInterface {}
