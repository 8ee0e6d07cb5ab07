package dev.bmcagent.core.host;

import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.fan.FanModeControl;
import dev.bmcagent.core.sensor.SensorGate;
import java.util.Objects;

/**
 * Everything one host's effects are carried out through.
 *
 * @param sel       {@code AppendSel}
 * @param gate      {@code SetGate} (closing waits for in-flight reads of that class)
 * @param fans      {@code SetFanMode}
 * @param power     {@code HostPowerAction}
 * @param bootOrder {@code ApplyBootOrder}
 * @param events    {@code Emit} (history first, then subscribers)
 * @param memory    {@code RecordMemory}
 */
public record HostPorts(
        SelWriter sel,
        SensorGate gate,
        FanModeControl fans,
        HostPowerPort power,
        BootOrderPort bootOrder,
        EventStream events,
        MemoryRecordPort memory) {
    public HostPorts {
        Objects.requireNonNull(sel, "sel");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(fans, "fans");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(bootOrder, "bootOrder");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(memory, "memory");
    }
}
