package dev.bmcagent.agent.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.agent.config.ConfigException;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.agent.fan.HwmonFanController;
import dev.bmcagent.agent.host.CommandPowerPort;
import dev.bmcagent.agent.sensor.HwmonSensorBus;
import dev.bmcagent.agent.sensor.SensorKind;
import dev.bmcagent.agent.sensor.SensorSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code hardware:} section: host0's sensors and fans on Linux hwmon (the VM host link's production hardware).
 * Sensors named as the agent's SDR names them (CPU_TEMP, INLET_TEMP, DIMM_TEMP_0..7, SYS_FAN1..6...) are served
 * over IPMI and Redfish; every sensor is polled through its gate and feeds the fan loop and sensor health.
 *
 * @param hwmonRoot where the files are relative to; default {@code /sys/class/hwmon}
 * @param sensors   name, kind, file (e.g. {@code hwmon0/temp1_input}) and gate class of each sensor
 * @param fanZones  per zone (0, 1, ...) the pwm files it drives (e.g. {@code hwmon1/pwm1})
 * @param power     power actions as commands (instead of the VM link's ops); absent: the VM link's
 */
public record HwmonHardware(String hwmonRoot, List<Sensor> sensors, List<List<String>> fanZones, Power power) {
    /** Bounds on what a configuration file makes the agent poll and write. */
    public static final int MAX_SENSORS = 256;
    public static final int MAX_ZONES = 16;
    public static final int MAX_PWM_PER_ZONE = 16;

    /**
     * Commands per power action (argv, no shell; keys ON, FORCE_OFF, GRACEFUL_SHUTDOWN, POWER_CYCLE, HARD_RESET,
     * WARM_RESET, NMI) and how long each may run (seconds, default 10, at most 120).
     */
    public record Power(Map<PowerAction, List<String>> commands, Integer timeoutSeconds) {
        public Power {
            commands = commands == null ? Map.of() : Map.copyOf(commands);
            timeoutSeconds = timeoutSeconds == null ? (int) CommandPowerPort.DEFAULT_TIMEOUT.toSeconds()
                    : timeoutSeconds;
            if (timeoutSeconds < 1 || timeoutSeconds > CommandPowerPort.MAX_TIMEOUT.toSeconds()) {
                throw new ConfigException("hardware.power.timeoutSeconds", timeoutSeconds + " is out of range 1.."
                        + CommandPowerPort.MAX_TIMEOUT.toSeconds());
            }
            for (Map.Entry<PowerAction, List<String>> e : commands.entrySet()) {
                if (e.getValue() == null || e.getValue().isEmpty() || e.getValue().stream().anyMatch(
                        a -> a == null || a.isEmpty())) {
                    throw new ConfigException("hardware.power.commands." + e.getKey(), "needs a command: [program, "
                            + "arg...]");
                }
            }
        }

        CommandPowerPort port() {
            return new CommandPowerPort(commands, java.time.Duration.ofSeconds(timeoutSeconds));
        }
    }

    /** One hwmon sensor. */
    public record Sensor(String name, SensorKind kind, String file, GateClass gate) {
    }

    public HwmonHardware {
        hwmonRoot = hwmonRoot == null ? HwmonSensorBus.DEFAULT_ROOT.toString() : hwmonRoot;
        sensors = sensors == null ? List.of() : List.copyOf(sensors);
        fanZones = fanZones == null ? List.of() : fanZones.stream().map(List::copyOf).toList();
        path("hardware.hwmonRoot", hwmonRoot, true);
        if (sensors.size() > MAX_SENSORS) {
            throw new ConfigException("hardware.sensors", sensors.size() + " sensors; at most " + MAX_SENSORS);
        }
        for (int i = 0; i < sensors.size(); i++) {
            Sensor s = sensors.get(i);
            String k = "hardware.sensors[" + i + "]";
            if (s.name == null || !s.name.matches("[A-Za-z0-9_.-]{1,32}") || s.kind == null || s.gate == null) {
                throw new ConfigException(k, "needs name (1-32 of A-Z a-z 0-9 _ . -), kind, file and gate");
            }
            path(k + ".file", s.file, false);
        }
        if (sensors.stream().map(Sensor::name).collect(Collectors.toSet()).size() != sensors.size()) {
            throw new ConfigException("hardware.sensors", "a name is listed twice");
        }
        if (fanZones.size() > MAX_ZONES) {
            throw new ConfigException("hardware.fanZones", fanZones.size() + " zones; at most " + MAX_ZONES);
        }
        for (int z = 0; z < fanZones.size(); z++) {
            List<String> files = fanZones.get(z);
            if (files.isEmpty() || files.size() > MAX_PWM_PER_ZONE) {
                throw new ConfigException("hardware.fanZones[" + z + "]", "1.." + MAX_PWM_PER_ZONE + " pwm files");
            }
            for (int f = 0; f < files.size(); f++) {
                path("hardware.fanZones[" + z + "][" + f + "]", files.get(f), false);
            }
        }
    }

    private static void path(String key, String v, boolean absolute) {
        try {
            if (v == null || v.isBlank() || Path.of(v).isAbsolute() != absolute
                    || (!absolute && Path.of(v).normalize().startsWith(".."))) {
                throw new ConfigException(key, "'" + v + "' must be " + (absolute ? "an absolute path"
                        : "a path relative to hardware.hwmonRoot, inside it"));
            }
        } catch (InvalidPathException e) {
            throw new ConfigException(key, "'" + v + "' is not a path: " + e.getReason());
        }
    }

    /** Reads the section; every problem names its key. */
    public static HwmonHardware from(JsonNode section) {
        ObjectMapper m = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();
        try {
            return m.treeToValue(section, HwmonHardware.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof ConfigException ce) {
                throw ce;
            }
            String key = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            throw new ConfigException("hardware" + key, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException("hardware", e.getOriginalMessage());
        }
    }

    /** Host0's hardware: hwmon sensor bus and fan controller over {@link #hwmonRoot}. */
    public HostHardware hostHardware() {
        Path root = Path.of(hwmonRoot);
        List<SensorSpec> specs = new ArrayList<>();
        for (Sensor s : sensors) {
            specs.add(new SensorSpec(s.name, s.kind, s.file, s.gate));
        }
        Map<Integer, List<String>> zones = new LinkedHashMap<>();
        for (int z = 0; z < fanZones.size(); z++) {
            zones.put(z, fanZones.get(z));
        }
        return new HostHardware(specs, new HwmonSensorBus(root),
                zones.isEmpty() ? HostHardware.none().fans() : new HwmonFanController(root, zones),
                power == null ? Optional.empty() : Optional.of(power.port()));
    }

    /** The configured hardware for host index {@code i}: host0 gets the section, other hosts none. */
    public static java.util.function.IntFunction<HostHardware> perHost(Optional<JsonNode> section) {
        if (section.isEmpty()) {
            return i -> HostHardware.none();
        }
        HostHardware host0 = from(section.get()).hostHardware();
        return i -> i == 0 ? host0 : HostHardware.none();
    }
}
