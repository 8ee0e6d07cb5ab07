package dev.bmcagent.openbmc;

import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorBus;
import dev.bmcagent.core.sensor.SensorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sensors owned by phosphor services (dbus-sensors, phosphor-hwmon), read from what they publish:
 * {@code Sensor.Value.Value} (Sensor/Value.interface.yaml, double), {@code State.Decorator.Availability.Available}
 * and {@code State.Decorator.OperationalStatus.Functional} (State/Decorator/*.interface.yaml), followed with
 * PropertiesChanged. A read answers from that cache: NaN, Functional=false or Available=false is
 * {@link Reading.Failed}.
 *
 * <p>Gating: while the agent keeps a gate class closed it marks that class's sensors {@code Available=false}
 * (unavailable, not failed: what dbus-sensors does outside a sensor's PowerState, and what phosphor-pid-control
 * and bmcweb read as "not present" rather than a fault) — {@link #gate}. The agent never reads a closed class, so
 * the first read after a gate reopened is the moment to give availability back, synchronously, before answering.
 */
public final class DbusSensorBus implements SensorBus {
    private static final Logger log = LoggerFactory.getLogger(DbusSensorBus.class);

    private final DBusConnection bus;
    private final Map<String, Entry> byPath = new LinkedHashMap<>();

    /** Latest published state of one sensor; {@code markedByAgent}: we set Available=false for a closed gate. */
    private static final class Entry {
        final OpenBmcSettings.Sensor config;
        volatile double value = Double.NaN;
        volatile boolean available = true;
        volatile boolean functional = true;
        volatile boolean markedByAgent;

        Entry(OpenBmcSettings.Sensor config) {
            this.config = config;
        }
    }

    public DbusSensorBus(DBusConnection bus, List<OpenBmcSettings.Sensor> sensors) {
        this.bus = Objects.requireNonNull(bus, "bus");
        for (OpenBmcSettings.Sensor s : sensors) {
            byPath.put(s.path(), new Entry(s));
        }
    }

    /** The agent's view of the configured sensors (address = object path). */
    public List<SensorSpec> specs() {
        List<SensorSpec> out = new ArrayList<>();
        for (Entry e : byPath.values()) {
            out.add(new SensorSpec(e.config.name(), e.config.kind(), e.config.path(), e.config.gate()));
        }
        return out;
    }

    /** Starts following every sensor's three interfaces. */
    public void follow(PropertyWatch watch) {
        for (Entry e : byPath.values()) {
            String svc = e.config.service();
            watch.watch(svc, e.config.path(), Pdi.SENSOR_VALUE, (p, initial) -> {
                if (p.get("Value") != null && p.get("Value").getValue() instanceof Double d) {
                    e.value = d;
                }
            });
            watch.watch(svc, e.config.path(), Pdi.AVAILABILITY, (p, initial) -> {
                if (p.get("Available") != null && p.get("Available").getValue() instanceof Boolean b) {
                    e.available = b;
                    if (b && e.markedByAgent) {
                        // its owner read it and marked it available again while the gate is closed
                        log.warn(
                                "{}: {} set Available=true while the agent's gate is closed: marking it "
                                        + "unavailable again (configure the owner not to read it, docs/OPENBMC.md)",
                                e.config.path(),
                                svc);
                        setAvailable(e, false);
                    }
                }
            });
            watch.watch(svc, e.config.path(), Pdi.OPERATIONAL_STATUS, (p, initial) -> {
                if (p.get("Functional") != null && p.get("Functional").getValue() instanceof Boolean b) {
                    e.functional = b;
                }
            });
        }
    }

    @Override
    public Reading read(SensorSpec sensor) {
        Entry e = byPath.get(sensor.address());
        if (e == null) {
            return new Reading.Failed("no D-Bus sensor at " + sensor.address());
        }
        if (e.markedByAgent) {
            // the gate is open again (the agent only reads open classes): give availability back first
            setAvailable(e, true);
        }
        if (!e.functional) {
            return new Reading.Failed(e.config.path() + ": Functional=false");
        }
        if (!e.available) {
            return new Reading.Failed(e.config.path() + ": Available=false");
        }
        double v = e.value;
        return Double.isNaN(v) ? new Reading.Failed(e.config.path() + ": no value (NaN)") : new Reading.Value(v);
    }

    /**
     * The agent's gates changed: sensors of a closed class become {@code Available=false}, those of a reopened
     * class {@code Available=true} again (only those the agent itself marked).
     */
    public void gate(Set<GateClass> closed) {
        for (Entry e : byPath.values()) {
            boolean shut = closed.contains(e.config.gate());
            if (shut && !e.markedByAgent) {
                setAvailable(e, false);
            } else if (!shut && e.markedByAgent) {
                setAvailable(e, true);
            }
        }
    }

    private synchronized void setAvailable(Entry e, boolean available) {
        // the flag first: the owner's PropertiesChanged for this very write may arrive before Set returns
        e.markedByAgent = !available;
        try {
            bus.getRemoteObject(e.config.service(), e.config.path(), Properties.class)
                    .Set(Pdi.AVAILABILITY, "Available", available);
            e.available = available;
            log.info(
                    "{} ({}): Available={} (gate {})",
                    e.config.name(),
                    e.config.path(),
                    available,
                    available ? "open" : "closed");
        } catch (DBusException | DBusExecutionException ex) {
            e.markedByAgent = true; // unknown: try again (on the next read or gate change)
            log.warn("{}: setting Available={} failed: {}", e.config.path(), available, ex.getMessage());
        }
    }

    /** For tests and the exported state: whether the agent currently holds this sensor unavailable. */
    public boolean markedUnavailable(String path) {
        Entry e = byPath.get(path);
        return e != null && e.markedByAgent;
    }

    static Variant<Boolean> bool(boolean b) {
        return new Variant<>(b);
    }
}
