package dev.bmcagent.agent.redfishport;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.core.node.HostView;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import dev.bmcagent.ipmi.sdr.SensorDefinition;
import dev.bmcagent.ipmi.sdr.Thresholds;
import dev.bmcagent.redfish.backend.AssetIdentity;
import dev.bmcagent.redfish.backend.ChassisBackend;
import dev.bmcagent.redfish.backend.ChassisView;
import dev.bmcagent.redfish.backend.FanView;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.PowerState;
import dev.bmcagent.redfish.backend.ReadingType;
import dev.bmcagent.redfish.backend.SensorState;
import dev.bmcagent.redfish.backend.SensorView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One chassis per host: its sensors from the host's {@code SensorPoller} (latest values only, never a bus read),
 * its fans and the fan controller's mode. A sensor that is gated or unpowered (or not polled yet) is
 * UnavailableOffline without a reading; a failed one is Enabled, Critical, without a reading. Fans are the FAN
 * sensors (RPM) with the zone's last duty as SpeedPercent; a host without fan sensors shows its zone as one fan
 * ("FanZone0", duty only) once the loop has written a duty.
 */
final class RuntimeChassis implements ChassisBackend {
    private final Map<String, HostView> nodes = new LinkedHashMap<>();
    private final Optional<AssetIdentity> identity;

    RuntimeChassis(List<? extends HostView> nodes, Optional<AssetIdentity> identity) {
        nodes.forEach(n -> this.nodes.put(n.hostId(), n));
        this.identity = java.util.Objects.requireNonNull(identity, "identity");
    }

    @Override
    public Optional<AssetIdentity> identity(String id) {
        return nodes.containsKey(id) ? identity : Optional.empty();
    }

    @Override
    public List<String> chassisIds() {
        return List.copyOf(nodes.keySet());
    }

    @Override
    public Optional<ChassisView> chassis(String id) {
        return Optional.ofNullable(nodes.get(id)).map(RuntimeChassis::view);
    }

    private static ChassisView view(HostView n) {
        HostState s = n.state();
        List<SensorView> sensors = new ArrayList<>();
        List<FanView> fans = new ArrayList<>();
        int duty = n.fanDuty();
        OptionalDouble percent = duty < 0 ? OptionalDouble.empty() : OptionalDouble.of(duty);
        for (Map.Entry<SensorSpec, SensorValue> e : n.sensors().entrySet()) {
            SensorSpec spec = e.getKey();
            SensorView v = sensor(spec, e.getValue(), n.sdr().sensor(spec.name()));
            sensors.add(v);
            if (spec.kind() == SensorKind.FAN) {
                fans.add(new FanView(v.id(), v.name(), percent, v.reading(), v.state(), v.health()));
            }
        }
        if (fans.isEmpty() && duty >= 0) {
            fans.add(new FanView(
                    "FanZone0", "Fan zone 0", percent, OptionalDouble.empty(), SensorState.Enabled, Health.OK));
        }
        return new ChassisView(
                n.hostId(),
                n.hostId(),
                s.powerOn() ? PowerState.On : PowerState.Off,
                Optional.of(n.hostId()),
                sensors,
                fans,
                s.fanMode());
    }

    /** One poller value as a Redfish sensor (pure), without SDR thresholds. */
    static SensorView sensor(SensorSpec spec, SensorValue value) {
        return sensor(spec, value, Optional.empty());
    }

    /**
     * One poller value as a Redfish sensor (pure), with the thresholds of its SDR record (IPMI non-critical,
     * critical, non-recoverable = Redfish Caution, Critical, Fatal) and the health they give the reading: a
     * non-critical threshold reached is Warning, a critical or non-recoverable one Critical.
     */
    static SensorView sensor(SensorSpec spec, SensorValue value, Optional<SensorDefinition> sdr) {
        SensorView v = plain(spec, value);
        if (sdr.isEmpty() || !sdr.get().isThreshold() || sdr.get().thresholds().mask() == 0) {
            return v;
        }
        SensorDefinition d = sdr.get();
        Map<String, Double> t = new LinkedHashMap<>();
        String[] names = {"LowerCaution", "LowerCritical", "LowerFatal", "UpperCaution", "UpperCritical", "UpperFatal"
        }; // Thresholds.values() order: LNC, LCR, LNR, UNC, UCR, UNR
        int[] raw = d.thresholds().values();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != Thresholds.NONE) {
                t.put(names[i], d.linearization().toReal(raw[i]));
            }
        }
        Health health = v.health();
        if (v.reading().isPresent()) {
            int status =
                    d.thresholds().status(d.linearization().toRaw(v.reading().getAsDouble()));
            health = (status & 0b110110) != 0 ? Health.Critical : status != 0 ? Health.Warning : health;
        }
        return new SensorView(v.id(), v.name(), v.kind(), v.reading(), v.state(), health, t);
    }

    private static SensorView plain(SensorSpec spec, SensorValue value) {
        String id = spec.name().replaceAll("[^A-Za-z0-9_-]", "_");
        ReadingType kind = switch (spec.kind()) {
            case TEMPERATURE -> ReadingType.Temperature;
            case FAN -> ReadingType.Rotational;
            case POWER -> ReadingType.Power;
        };
        if (value instanceof SensorValue.Available a) {
            return new SensorView(id, spec.name(), kind, OptionalDouble.of(a.value()), SensorState.Enabled, Health.OK);
        }
        if (value instanceof SensorValue.Failed) {
            return new SensorView(id, spec.name(), kind, OptionalDouble.empty(), SensorState.Enabled, Health.Critical);
        }
        return new SensorView(id, spec.name(), kind, OptionalDouble.empty(), SensorState.UnavailableOffline, Health.OK);
    }
}
