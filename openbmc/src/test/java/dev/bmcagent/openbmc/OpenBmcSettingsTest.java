package dev.bmcagent.openbmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.agent.config.ConfigException;
import dev.bmcagent.core.sensor.SensorKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenBmcSettingsTest {
    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s.replace('\'', '"'));
    }

    private static String rejection(String s) throws Exception {
        JsonNode n = json(s);
        return assertThrows(ConfigException.class, () -> OpenBmcSettings.from(Optional.of(n)))
                .getMessage();
    }

    @Test
    void defaultsAreTheSystemBusAndTheAgentsName() {
        OpenBmcSettings s = OpenBmcSettings.from(Optional.empty());
        assertEquals("unix:path=/run/dbus/system_bus_socket", s.busAddress());
        assertEquals("dev.bmcagent.Agent", s.busName());
    }

    @Test
    void sensorsAndZonesAreRead() throws Exception {
        OpenBmcSettings s = OpenBmcSettings.from(Optional.of(json("{'sensors': [{'name': 'DIMM', 'kind': "
                + "'temperature', 'service': 'xyz.openbmc_project.HwmonTempSensor', 'path': "
                + "'/xyz/openbmc_project/sensors/temperature/DIMM', 'gate': 'NOT_DURING_FIRMWARE_INIT'}], "
                + "'zones': [{'service': 'xyz.openbmc_project.State.FanCtrl', 'path': "
                + "'/xyz/openbmc_project/settings/fanctrl/zone0', 'pwm': []}]}")));
        assertEquals(GateClass.NOT_DURING_FIRMWARE_INIT, s.sensors().get(0).gate());
        assertEquals(1, s.zones().size());
    }

    @Test
    void badValuesNameTheirKey() throws Exception {
        assertEquals(
                "openbmc.busAddress: 'tcp:host=x' must be a unix: address", rejection("{'busAddress': 'tcp:host=x'}"));
        assertEquals(
                "openbmc.sensors[0].path: 'temperature/x' is not a D-Bus object path "
                        + "(e.g. /xyz/openbmc_project/x)",
                rejection("{'sensors': [{'name': 'A', 'kind': 'FAN', "
                        + "'service': 'a.b', 'path': 'temperature/x', 'gate': 'ALWAYS'}]}"));
        assertEquals(
                "openbmc.busName: 'agent' is not a D-Bus well-known name (e.g. xyz.openbmc_project.X)",
                rejection("{'busName': 'agent'}"));
        String unknown = rejection("{'bus': 'x'}");
        assertEquals(true, unknown.startsWith("openbmc.bus: "), unknown);
    }

    @Test
    void tooManySensorsOrZonesAreRejected() {
        java.util.List<OpenBmcSettings.Sensor> sensors = new java.util.ArrayList<>();
        for (int i = 0; i <= OpenBmcSettings.MAX_SENSORS; i++) {
            sensors.add(
                    new OpenBmcSettings.Sensor("S" + i, SensorKind.TEMPERATURE, "a.b", "/s/t" + i, GateClass.ALWAYS));
        }
        assertEquals(
                "openbmc.sensors: 257 sensors; at most 256",
                assertThrows(ConfigException.class, () -> new OpenBmcSettings(null, null, sensors, null))
                        .getMessage());
        assertEquals(
                256,
                new OpenBmcSettings(null, null, sensors.subList(0, 256), null)
                        .sensors()
                        .size());
        java.util.List<OpenBmcSettings.Zone> zones = java.util.Collections.nCopies(
                OpenBmcSettings.MAX_ZONES + 1, new OpenBmcSettings.Zone("a.b", "/z", java.util.List.of()));
        assertEquals(
                "openbmc.zones: 17 zones; at most 16",
                assertThrows(ConfigException.class, () -> new OpenBmcSettings(null, null, null, zones))
                        .getMessage());
    }
}
