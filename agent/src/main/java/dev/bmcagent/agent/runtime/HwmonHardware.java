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
import dev.bmcagent.core.fan.HwmonFanController;
import dev.bmcagent.core.node.HostCommandTable;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.sensor.HwmonSensorBus;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.ipmi.sdr.Linearization;
import dev.bmcagent.ipmi.sdr.SensorCatalog;
import dev.bmcagent.ipmi.sdr.SensorDefinition;
import dev.bmcagent.ipmi.sdr.Thresholds;
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
 * over IPMI and Redfish with the standard number and thresholds unless the entry gives its own {@code sdrNumber} or
 * {@code thresholds}; another name gets an SDR record when it gives an {@code sdrNumber}. Every sensor is polled
 * through its gate and feeds the fan loop and sensor health. Power commands are the {@code power:} section's
 * ({@code hardware.power} is its deprecated alias, translated by the configuration loader).
 *
 * @param hwmonRoot where the files are relative to; default {@code /sys/class/hwmon}
 * @param sensors   name, kind, file (e.g. {@code hwmon0/temp1_input}), gate class, SDR number and thresholds
 * @param fanZones  per zone (0, 1, ...) the pwm files it drives (e.g. {@code hwmon1/pwm1})
 */
public record HwmonHardware(String hwmonRoot, List<Sensor> sensors, List<List<String>> fanZones) {
    /** Bounds on what a configuration file makes the agent poll and write. */
    public static final int MAX_SENSORS = 256;

    public static final int MAX_ZONES = 16;
    public static final int MAX_PWM_PER_ZONE = 16;

    /**
     * One hwmon sensor.
     *
     * @param sdrNumber  its IPMI sensor number (1..254); absent: the standard number of a standard name, else none
     *                   (no SDR record: not on IPMI)
     * @param thresholds in the sensor's unit (degrees C, RPM, W); absent: the standard name's, else none
     */
    public record Sensor(
            String name, SensorKind kind, String file, GateClass gate, Integer sdrNumber, Limits thresholds) {
        public Sensor(String name, SensorKind kind, String file, GateClass gate) {
            this(name, kind, file, gate, null, null);
        }
    }

    /**
     * Thresholds in the sensor's unit, each optional: lower non-recoverable ≤ lower critical ≤ lower non-critical
     * &lt; upper non-critical ≤ upper critical ≤ upper non-recoverable. Redfish shows them as LowerFatal,
     * LowerCritical, LowerCaution, UpperCaution, UpperCritical, UpperFatal.
     */
    public record Limits(
            Double lowerNonRecoverable,
            Double lowerCritical,
            Double lowerNonCritical,
            Double upperNonCritical,
            Double upperCritical,
            Double upperNonRecoverable) {
        Double[] ordered() {
            return new Double[] {
                lowerNonRecoverable,
                lowerCritical,
                lowerNonCritical,
                upperNonCritical,
                upperCritical,
                upperNonRecoverable
            };
        }
    }

    private static final String[] LIMIT_KEYS = {
        "lowerNonRecoverable",
        "lowerCritical",
        "lowerNonCritical",
        "upperNonCritical",
        "upperCritical",
        "upperNonRecoverable"
    };

    public HwmonHardware {
        hwmonRoot = hwmonRoot == null ? HwmonSensorBus.DEFAULT_ROOT.toString() : hwmonRoot;
        sensors = sensors == null ? List.of() : List.copyOf(sensors);
        fanZones = fanZones == null
                ? List.of()
                : fanZones.stream().map(List::copyOf).toList();
        path("hardware.hwmonRoot", hwmonRoot, true);
        if (sensors.size() > MAX_SENSORS) {
            throw new ConfigException("hardware.sensors", sensors.size() + " sensors; at most " + MAX_SENSORS);
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < sensors.size(); i++) {
            Sensor s = sensors.get(i);
            String k = "hardware.sensors[" + i + "]";
            if (s.name == null || !s.name.matches("[A-Za-z0-9_.-]{1,32}") || s.kind == null || s.gate == null) {
                throw new ConfigException(k, "needs name (1-32 of A-Z a-z 0-9 _ . -), kind, file and gate");
            }
            path(k + ".file", s.file, false);
            Integer first = byName.putIfAbsent(s.name, i);
            if (first != null) {
                throw new ConfigException(
                        k + ".name", "'" + s.name + "' is already hardware.sensors[" + first + "]'s name");
            }
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
        sdr(sensors); // numbers and thresholds: every problem names its key
    }

    /**
     * The SDR sensors with this configuration: the standard set ({@link HostCommandTable#STANDARD_DIMMS} DIMMs,
     * {@link HostCommandTable#STANDARD_FANS} fans) with configured numbers and thresholds, plus every other
     * configured sensor that has an {@code sdrNumber}. Two sensors with one number are refused.
     */
    public List<SensorDefinition> sdr() {
        return sdr(sensors);
    }

    private static List<SensorDefinition> sdr(List<Sensor> sensors) {
        List<SensorDefinition> standard =
                SensorCatalog.standard(HostCommandTable.STANDARD_DIMMS, HostCommandTable.STANDARD_FANS);
        Map<String, Integer> configured = new LinkedHashMap<>();
        for (int i = 0; i < sensors.size(); i++) {
            configured.put(sensors.get(i).name, i);
        }
        List<SensorDefinition> out = new ArrayList<>();
        for (SensorDefinition d : standard) {
            Integer i = configured.remove(d.name());
            if (i == null) {
                out.add(d);
                continue;
            }
            Sensor s = sensors.get(i);
            String k = "hardware.sensors[" + i + "]";
            if (!d.isThreshold()) {
                throw new ConfigException(
                        k + ".name",
                        "'" + s.name + "' is the agent's own discrete sensor (its "
                                + "SEL records use that number); give the hwmon sensor another name");
            }
            if (kind(d) != s.kind) {
                throw new ConfigException(k + ".kind", s.name + " is a " + kind(d) + " sensor in the SDR");
            }
            out.add(new SensorDefinition(
                    number(k, s, d.number()),
                    d.name(),
                    d.sensorType(),
                    d.eventReadingType(),
                    d.entityId(),
                    d.entityInstance(),
                    d.linearization(),
                    s.thresholds == null ? d.thresholds() : thresholds(k, s),
                    d.discreteMask()));
        }
        for (int i : configured.values()) {
            Sensor s = sensors.get(i);
            String k = "hardware.sensors[" + i + "]";
            if (s.sdrNumber == null) {
                if (s.thresholds != null) {
                    throw new ConfigException(
                            k + ".thresholds", "need an sdrNumber: " + s.name + " is not a standard SDR sensor");
                }
                continue;
            }
            if (s.name.length() > 16) {
                throw new ConfigException(
                        k + ".name", "'" + s.name + "' is longer than the 16 characters an SDR " + "ID string holds");
            }
            int[] type = switch (s.kind) { // IPMI sensor type (table 42-3), entity ID (table 43-13)
                case TEMPERATURE -> new int[] {0x01, 0x07};
                case FAN -> new int[] {0x04, 0x1D};
                case POWER -> new int[] {0x0B, 0x07};
            };
            out.add(SensorDefinition.threshold(
                    number(k, s, 0),
                    s.name,
                    type[0],
                    type[1],
                    1,
                    linearization(s.kind),
                    s.thresholds == null ? Thresholds.ABSENT : thresholds(k, s)));
        }
        Map<Integer, Integer> seen = new LinkedHashMap<>(); // number -> index in out
        for (int j = 0; j < out.size(); j++) {
            SensorDefinition d = out.get(j);
            Integer before = seen.putIfAbsent(d.number(), j);
            if (before != null) {
                SensorDefinition other = out.get(before);
                // the key of the configured entry that made the clash (the later one when both are configured)
                String k = entry(sensors, d.name()) >= 0
                        ? "hardware.sensors[" + entry(sensors, d.name()) + "]"
                        : "hardware.sensors[" + entry(sensors, other.name()) + "]";
                throw new ConfigException(
                        k + ".sdrNumber",
                        String.format(
                                java.util.Locale.ROOT,
                                "%d (%02Xh) is both %s's and %s's: " + "every SDR sensor needs its own number",
                                d.number(),
                                d.number(),
                                label(sensors, other),
                                label(sensors, d)));
            }
        }
        return List.copyOf(out);
    }

    private static int entry(List<Sensor> sensors, String name) {
        for (int i = 0; i < sensors.size(); i++) {
            if (sensors.get(i).name.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String label(List<Sensor> sensors, SensorDefinition d) {
        int i = entry(sensors, d.name());
        return i >= 0 ? "hardware.sensors[" + i + "] " + d.name() : "the standard sensor " + d.name();
    }

    private static int number(String k, Sensor s, int standard) {
        if (s.sdrNumber == null) {
            return standard;
        }
        if (s.sdrNumber < 1 || s.sdrNumber > 0xFE) {
            throw new ConfigException(k + ".sdrNumber", s.sdrNumber + " is out of range 1..254 (01h..FEh)");
        }
        return s.sdrNumber;
    }

    private static SensorKind kind(SensorDefinition d) {
        return switch (d.linearization().baseUnit()) {
            case Linearization.UNIT_RPM -> SensorKind.FAN;
            case Linearization.UNIT_WATTS -> SensorKind.POWER;
            default -> SensorKind.TEMPERATURE;
        };
    }

    static Linearization linearization(SensorKind kind) {
        return switch (kind) {
            case TEMPERATURE -> SensorCatalog.TEMPERATURE;
            case FAN -> SensorCatalog.FAN;
            case POWER -> SensorCatalog.POWER;
        };
    }

    /** Thresholds in units → raw SDR thresholds: each must be a whole number of counts in 0..255 counts, ordered. */
    private static Thresholds thresholds(String k, Sensor s) {
        Linearization lin = linearization(s.kind);
        Double[] v = s.thresholds.ordered();
        int[] raw = new int[6];
        double previous = Double.NEGATIVE_INFINITY;
        String previousKey = null;
        for (int t = 0; t < 6; t++) {
            String key = k + ".thresholds." + LIMIT_KEYS[t];
            if (v[t] == null) {
                raw[t] = Thresholds.NONE;
                continue;
            }
            double x = v[t];
            int r = lin.toRaw(x);
            if (!Double.isFinite(x) || lin.toReal(r) != x) {
                throw new ConfigException(
                        key,
                        x + " is not on the sensor's scale: 0.." + lin.toReal(255) + " " + s.kind.unit()
                                + " in steps of " + lin.toReal(1));
            }
            if (x < previous || (x == previous && t == 3)) {
                throw new ConfigException(key, x + " is below " + previousKey + " (" + previous + ")");
            }
            previous = x;
            previousKey = LIMIT_KEYS[t];
            raw[t] = r;
        }
        return new Thresholds(raw[2], raw[1], raw[0], raw[3], raw[4], raw[5]);
    }

    private static void path(String key, String v, boolean absolute) {
        try {
            if (v == null
                    || v.isBlank()
                    || Path.of(v).isAbsolute() != absolute
                    || (!absolute && Path.of(v).normalize().startsWith(".."))) {
                throw new ConfigException(
                        key,
                        "'" + v + "' must be "
                                + (absolute ? "an absolute path" : "a path relative to hardware.hwmonRoot, inside it"));
            }
        } catch (InvalidPathException e) {
            throw new ConfigException(key, "'" + v + "' is not a path: " + e.getReason());
        }
    }

    /** Reads the section; every problem names its key. */
    public static HwmonHardware from(JsonNode section) {
        ObjectMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
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
        return new HostHardware(
                specs,
                new HwmonSensorBus(root),
                zones.isEmpty() ? HostHardware.none().fans() : new HwmonFanController(root, zones),
                Optional.empty(),
                sdr());
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
