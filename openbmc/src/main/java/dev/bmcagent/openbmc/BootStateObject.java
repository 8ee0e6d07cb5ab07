package dev.bmcagent.openbmc;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.progress.BootProgress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.freedesktop.dbus.connections.AbstractConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * The agent's own view of one host, exported for bmcweb and other services at {@code /xyz/openbmc_project/bmc_agent/
 * host<N>}, interface {@value #IFACE} (read-only; documented in docs/OPENBMC.md "The agent's object"). Updated on
 * every lifecycle event of the host, with a PropertiesChanged signal per changed property.
 */
public final class BootStateObject {
    public static final String IFACE = "dev.bmcagent.BootState";

    private final DbusObject object;

    /** The served object: the generic property store, declaring {@link BootState} for introspection. */
    private static final class Exported extends DbusObject implements BootState {
        Exported(String path) {
            super(path);
        }
    }

    public BootStateObject(int index, HostState initial) {
        object = new Exported(path(index));
        for (var p : properties(initial).entrySet()) {
            object.readOnly(IFACE, p.getKey(), p.getValue());
        }
    }

    public static String path(int index) {
        return "/xyz/openbmc_project/bmc_agent/host" + index;
    }

    public BootStateObject export(AbstractConnection bus) throws DBusException {
        object.export(bus);
        return this;
    }

    /** Publishes {@code s}: only changed properties are signalled. */
    public void update(HostState s) {
        properties(s).forEach((k, v) -> object.update(IFACE, k, v));
    }

    /** The property values for a host state (pure). */
    static java.util.Map<String, Variant<?>> properties(HostState s) {
        BootProgress p = s.progress();
        java.util.Map<String, Variant<?>> m = new java.util.LinkedHashMap<>();
        m.put("PowerGood", new Variant<>(s.powerOn()));
        m.put("SystemACPIState", new Variant<>(s.system().dbusName()));
        m.put("DeviceACPIState", new Variant<>(s.device().dbusName()));
        m.put("ACPIStateInferred", new Variant<>(s.acpiInferred()));
        m.put("BootProgress", new Variant<>(p.lastState().name()));
        m.put("OemLastState", new Variant<>(p.oemLastState().orElse("")));
        m.put("LastStateTime", new Variant<>(new UInt64(micros(p.lastStateTime()))));
        m.put(
                "LastBootTimeSeconds",
                new Variant<>(
                        p.lastBootTimeSeconds().map(d -> d.toMillis() / 1000.0).orElse(-1.0)));
        m.put("FanMode", new Variant<>(s.fanMode().name()));
        m.put(
                "ClosedGates",
                new Variant<>(
                        s.closedGates().stream().map(GateClass::name).sorted().toList(), "as"));
        List<String> alerts =
                s.alerts().keySet().stream().map(AlertKind::name).sorted().toList();
        m.put("Alerts", new Variant<>(alerts, "as"));
        return m;
    }

    private static long micros(Instant t) {
        return Math.max(0, ChronoUnit.MICROS.between(Instant.EPOCH, t));
    }
}
