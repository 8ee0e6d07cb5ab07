package dev.bmcagent.core.node;

import dev.bmcagent.core.fan.FanController;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.sensor.SensorBus;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.ipmi.command.chassis.BootOptionsStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.journal.InMemorySettingsStore;
import dev.bmcagent.journal.SettingsStore;
import java.util.List;
import java.util.Objects;

/**
 * What one host brings to its {@link HostNode}: the hardware-facing ports and its stores.
 *
 * @param index       host index (0..N-1); the id is {@code "host<index>"}
 * @param sensors     the host's sensors
 * @param bus         where they are read (through the node's gate)
 * @param fans        the host's fan zone
 * @param power       power actions (host interface, or the simulator)
 * @param sel         the host's SEL ({@code JournalSelStore} or {@code InMemorySelStore}), stamped by {@code selClock}
 * @param selClock    the SEL's time base (shared with Get/Set SEL Time)
 * @param bootOptions the host's system boot options ({@code SettingsBootOptionsStore} or in-memory)
 * @param settings    where the host's firmware inventory is kept (the agent's settings store, or in memory)
 */
public record HostNodeSpec(
        int index,
        List<SensorSpec> sensors,
        SensorBus bus,
        FanController fans,
        HostPowerPort power,
        SelStore sel,
        SelClock selClock,
        BootOptionsStore bootOptions,
        SettingsStore settings) {
    /** A host whose firmware inventory is kept in memory only. */
    public HostNodeSpec(
            int index,
            List<SensorSpec> sensors,
            SensorBus bus,
            FanController fans,
            HostPowerPort power,
            SelStore sel,
            SelClock selClock,
            BootOptionsStore bootOptions) {
        this(index, sensors, bus, fans, power, sel, selClock, bootOptions, new InMemorySettingsStore());
    }

    public HostNodeSpec {
        if (index < 0) {
            throw new IllegalArgumentException("index < 0");
        }
        sensors = List.copyOf(sensors);
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(fans, "fans");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(sel, "sel");
        Objects.requireNonNull(selClock, "selClock");
        Objects.requireNonNull(bootOptions, "bootOptions");
        Objects.requireNonNull(settings, "settings");
    }
}
