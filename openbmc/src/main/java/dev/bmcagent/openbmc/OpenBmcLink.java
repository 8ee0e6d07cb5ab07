package dev.bmcagent.openbmc;

import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.ConfigException;
import dev.bmcagent.agent.config.HostLinkKind;
import dev.bmcagent.agent.runtime.HostLinkProvider;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.Subscription;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.HostInputs;
import dev.bmcagent.core.node.HostView;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hostLink: dbus}: the agent on an OpenBMC BMC. One D-Bus connection (the system bus by default) carries
 * host0's signals in ({@link HostSignals}), its sensors ({@link DbusSensorBus}) and fan zones ({@link PidZoneFans}),
 * its power actions ({@link DbusHostPower}), and the agent's own {@link BootStateObject} out. The agent requests
 * {@code openbmc.busName} for that object. See docs/OPENBMC.md.
 */
public final class OpenBmcLink implements HostLinkProvider {
    private static final Logger log = LoggerFactory.getLogger(OpenBmcLink.class);
    /** Events queued for the D-Bus outputs; beyond it new ones are dropped (and counted by the subscription). */
    public static final int EVENT_QUEUE = 256;

    private final OpenBmcSettings settings;
    private final DBusConnection bus;
    private final PropertyWatch watch;
    private final DbusSensorBus sensors;
    private final PidZoneFans fans;

    /** The factory {@link java.util.ServiceLoader} finds for {@code hostLink: dbus}. */
    public static final class Factory implements HostLinkProvider.Factory {
        @Override
        public HostLinkKind kind() {
            return HostLinkKind.DBUS;
        }

        @Override
        public HostLinkProvider open(AgentConfig config) throws DBusException {
            if (config.hosts() != 1) {
                throw new ConfigException("hosts", config.hosts() + " hosts: hostLink dbus serves one host (host0)");
            }
            return OpenBmcLink.open(OpenBmcSettings.from(config.openbmc()));
        }
    }

    private OpenBmcLink(OpenBmcSettings settings, DBusConnection bus) throws DBusException {
        this.settings = settings;
        this.bus = bus;
        this.watch = new PropertyWatch(bus);
        this.sensors = new DbusSensorBus(bus, settings.sensors());
        this.fans = new PidZoneFans(bus, settings.zones());
    }

    /** Connects to the configured bus and requests the agent's name. */
    public static OpenBmcLink open(OpenBmcSettings settings) throws DBusException {
        DBusConnection bus = DBusConnectionBuilder.forAddress(settings.busAddress())
                .withShared(false)
                .receivingThreadConfig()
                .withSignalThreadCount(1)
                .connectionConfig()
                .build();
        try {
            OpenBmcLink link = new OpenBmcLink(settings, bus);
            bus.requestBusName(settings.busName());
            log.info(
                    "OpenBMC D-Bus link on {} as {} ({}): {} sensor(s), {} fan zone(s)",
                    settings.busAddress(),
                    settings.busName(),
                    bus.getUniqueName(),
                    settings.sensors().size(),
                    settings.zones().size());
            return link;
        } catch (DBusException | RuntimeException e) {
            bus.disconnect();
            throw e;
        }
    }

    @Override
    public HostHardware hardware(int index) {
        return new HostHardware(sensors.specs(), sensors, fans);
    }

    @Override
    public HostPowerPort power(int index) {
        return new DbusHostPower(bus, index);
    }

    @Override
    public <N extends HostInputs & HostView> AutoCloseable attach(N node, EventStream events) throws DBusException {
        fans.modeFrom(() -> node.fanMode());
        BootStateObject state = new BootStateObject(node.index(), node.state()).export(bus);
        Subscription sub =
                events.subscribe("openbmc-" + node.hostId(), e -> e.hostId().equals(node.hostId()), EVENT_QUEUE, e -> {
                    // from the full current state, not the event: an event dropped on overflow loses nothing
                    sensors.gate(node.closedGates());
                    state.update(node.state());
                });
        sensors.gate(node.closedGates());
        sensors.follow(watch);
        HostSignals.follow(watch, node);
        return () -> {
            sub.close();
            bus.unExportObject(BootStateObject.path(node.index()));
        };
    }

    public DbusSensorBus sensors() {
        return sensors;
    }

    public OpenBmcSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        watch.close();
        bus.disconnect();
    }
}
