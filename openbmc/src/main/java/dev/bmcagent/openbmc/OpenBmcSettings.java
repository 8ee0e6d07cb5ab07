package dev.bmcagent.openbmc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.agent.config.ConfigException;
import dev.bmcagent.core.sensor.SensorKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code openbmc:} section (docs/OPENBMC.md "Configuration").
 *
 * @param busAddress D-Bus address; default the system bus {@value #SYSTEM_BUS}
 * @param busName    well-known name the agent requests for its own object; default {@value #DEFAULT_BUS_NAME}
 * @param sensors    host0's sensors on D-Bus (dbus-sensors / phosphor-hwmon objects) and their gate class
 * @param zones      phosphor-pid-control zones the agent takes over (Manual) outside S0, with their PWM objects
 */
public record OpenBmcSettings(String busAddress, String busName, List<Sensor> sensors, List<Zone> zones) {
    public static final String SYSTEM_BUS = "unix:path=/run/dbus/system_bus_socket";
    public static final String DEFAULT_BUS_NAME = "dev.bmcagent.Agent";
    /** Sensors and zones per host (a bound on what one configuration file can make the agent watch). */
    public static final int MAX_SENSORS = 256;

    public static final int MAX_ZONES = 16;
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_]+)+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)+");

    /** A sensor: IPMI/Redfish name, kind, owning service and object path, and when the agent may read it. */
    public record Sensor(String name, SensorKind kind, String service, String path, GateClass gate) {}

    /** A PWM output: the service and object implementing Control.FanPwm. */
    public record Pwm(String service, String path) {}

    /** A pid-control zone object (Control.Mode) and the PWM outputs it drives. */
    public record Zone(String service, String path, List<Pwm> pwm) {}

    public OpenBmcSettings {
        busAddress = busAddress == null ? SYSTEM_BUS : busAddress;
        busName = busName == null ? DEFAULT_BUS_NAME : busName;
        sensors = sensors == null ? List.of() : List.copyOf(sensors);
        zones = zones == null ? List.of() : List.copyOf(zones);
        if (!busAddress.startsWith("unix:")) {
            throw new ConfigException("openbmc.busAddress", "'" + busAddress + "' must be a unix: address");
        }
        name("openbmc.busName", busName);
        if (sensors.size() > MAX_SENSORS) {
            throw new ConfigException("openbmc.sensors", sensors.size() + " sensors; at most " + MAX_SENSORS);
        }
        if (zones.size() > MAX_ZONES) {
            throw new ConfigException("openbmc.zones", zones.size() + " zones; at most " + MAX_ZONES);
        }
        for (int i = 0; i < sensors.size(); i++) {
            Sensor s = sensors.get(i);
            String k = "openbmc.sensors[" + i + "]";
            if (s.name == null || s.name.isBlank() || s.kind == null || s.gate == null) {
                throw new ConfigException(k, "needs name, kind, service, path and gate");
            }
            name(k + ".service", s.service);
            path(k + ".path", s.path);
        }
        if (sensors.stream().map(Sensor::path).collect(Collectors.toSet()).size() != sensors.size()) {
            throw new ConfigException("openbmc.sensors", "a path is listed twice");
        }
        for (int i = 0; i < zones.size(); i++) {
            Zone z = zones.get(i);
            String k = "openbmc.zones[" + i + "]";
            name(k + ".service", z.service);
            path(k + ".path", z.path);
            List<Pwm> pwm = z.pwm == null ? List.of() : z.pwm;
            for (int j = 0; j < pwm.size(); j++) {
                name(k + ".pwm[" + j + "].service", pwm.get(j).service);
                path(k + ".pwm[" + j + "].path", pwm.get(j).path);
            }
        }
    }

    private static void name(String key, String v) {
        if (v == null || v.length() > 255 || !NAME.matcher(v).matches()) {
            throw new ConfigException(key, "'" + v + "' is not a D-Bus well-known name (e.g. xyz.openbmc_project.X)");
        }
    }

    private static void path(String key, String v) {
        if (v == null || v.length() > 255 || !PATH.matcher(v).matches()) {
            throw new ConfigException(key, "'" + v + "' is not a D-Bus object path (e.g. /xyz/openbmc_project/x)");
        }
    }

    /** Reads the section; a missing section means all defaults; every problem names its key. */
    public static OpenBmcSettings from(Optional<JsonNode> section) {
        if (section.isEmpty()) {
            return new OpenBmcSettings(null, null, null, null);
        }
        ObjectMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        try {
            return Objects.requireNonNull(m.treeToValue(section.get(), OpenBmcSettings.class));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof ConfigException ce) {
                throw ce;
            }
            String key = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            throw new ConfigException("openbmc" + key, e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("openbmc", e.getOriginalMessage());
        }
    }
}
