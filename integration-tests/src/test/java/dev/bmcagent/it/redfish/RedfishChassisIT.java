package dev.bmcagent.it.redfish;

import static dev.bmcagent.it.redfish.RedfishRig.ADMIN;
import static dev.bmcagent.it.redfish.RedfishRig.ADMIN_PW;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCP chassis resources through real clients: redfishtool (Sensors, Thermal, Power, setIndicatorLed), sushy
 * (chassis identity, thermal, power, the identify LED) and ipmitool (the FRU Redfish's identity comes from).
 */
class RedfishChassisIT {
    static final String CHASSIS = "/redfish/v1/Chassis/host0";

    @TempDir
    Path dir;

    RedfishRig rig;

    @BeforeEach
    void start() throws Exception {
        // a board with an inlet and a CPU sensor (fixed readings: no real sensor chip here)
        rig = new RedfishRig(
                dir,
                i -> new HostHardware(
                        List.of(
                                new SensorSpec("INLET_TEMP", SensorKind.TEMPERATURE, "bmc:inlet", GateClass.ALWAYS),
                                new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "peci:cpu0", GateClass.ALWAYS)),
                        sensor -> new Reading.Value(sensor.name().startsWith("CPU") ? 47 : 23),
                        (zone, percent) -> {}));
        rig.powerOn();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** redfishtool Chassis ARGS (ARGS start with the member option: -F first, -I id). */
    private RedfishRig.Run redfishtool(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "redfishtool",
                "-r",
                "127.0.0.1:" + rig.redfish.port(),
                "-u",
                ADMIN,
                "-p",
                ADMIN_PW,
                "-S",
                "Always",
                "Chassis"));
        cmd.addAll(List.of(args));
        RedfishRig.Run r = RedfishRig.run(cmd);
        System.out.println("redfishtool Chassis " + String.join(" ", args) + ": exit " + r.exit() + "\n" + r.out());
        return r;
    }

    @Test
    void redfishtoolReadsSensorsThermalAndPower() {
        await().until(() -> rig.get(CHASSIS + "/Thermal")
                        .at("/Temperatures/1/ReadingCelsius")
                        .asDouble()
                == 47);
        RedfishRig.Run sensors = redfishtool("-F", "Sensors");
        assertEquals(0, sensors.exit(), sensors.out());
        // redfishtool reads Thermal first (Temperatures by MemberId), then the Sensors collection
        assertTrue(sensors.out().matches("(?s).*\\n1\\s+47\\.0.*"), sensors.out());
        assertTrue(sensors.out().matches("(?s).*CPU_TEMP\\s+47\\.0.*"), sensors.out());
        RedfishRig.Run thermal = redfishtool("-I", "host0", "Thermal");
        assertEquals(0, thermal.exit(), thermal.out());
        RedfishRig.Run power = redfishtool("-I", "host0", "getPowerReading");
        assertEquals(0, power.exit(), power.out());
        assertTrue(power.out().contains("PowerConsumedWatts"), power.out());
    }

    @Test
    void redfishtoolIdentifyLedIsTheSystemsLedAndPersists() {
        RedfishRig.Run set = redfishtool("-I", "host0", "setIndicatorLed", "Blinking");
        assertEquals(0, set.exit(), set.out());
        assertEquals("Blinking", rig.get(CHASSIS).get("IndicatorLED").asText());
        JsonNode sys = rig.get("/redfish/v1/Systems/host0");
        assertEquals("Blinking", sys.get("IndicatorLED").asText());
        assertTrue(sys.get("LocationIndicatorActive").asBoolean());
        await().until(() -> rig.stores
                .settings()
                .get("redfish.system.host0")
                .map(n -> n.path("indicatorLed").asText().equals("Blinking"))
                .orElse(false));
    }

    private RedfishRig.Run ipmitool(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(rig.runtime.ipmiAddress(0).getPort()),
                "-U",
                ADMIN,
                "-P",
                ADMIN_PW,
                "-C",
                "17"));
        cmd.addAll(List.of(args));
        RedfishRig.Run r = RedfishRig.run(cmd);
        System.out.println("ipmitool " + String.join(" ", args) + ": exit " + r.exit() + "\n" + r.out());
        return r;
    }

    private String statusByte3() {
        RedfishRig.Run raw = ipmitool("raw", "0x00", "0x01");
        assertEquals(0, raw.exit(), raw.out());
        String[] bytes = raw.out().trim().split("\\s+", -1);
        return bytes[2];
    }

    @Test
    void ipmiChassisIdentifyAndRedfishShareOneLed() {
        RedfishRig.Run identify = ipmitool("chassis", "identify", "force");
        assertEquals(0, identify.exit(), identify.out());
        JsonNode c = rig.get(CHASSIS);
        assertEquals("Blinking", c.get("IndicatorLED").asText());
        assertTrue(c.get("LocationIndicatorActive").asBoolean());
        assertTrue(rig.get("/redfish/v1/Systems/host0")
                .get("LocationIndicatorActive")
                .asBoolean());
        // Get Chassis Status byte 3: bit 6 identify state supported, bits 5:4 10b indefinite on (ipmitool's
        // "chassis status" does not decode it, so read the bytes)
        assertEquals("60", statusByte3());
        RedfishRig.Run off = redfishtool("-I", "host0", "patch", "{\"LocationIndicatorActive\": false}");
        assertEquals(0, off.exit(), off.out());
        assertEquals("40", statusByte3()); // supported, off
        assertEquals(0, ipmitool("chassis", "identify", "1").exit());
        assertEquals("Blinking", rig.get(CHASSIS).get("IndicatorLED").asText());
        assertEquals("50", statusByte3()); // temporary (timed) on
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> rig.get(CHASSIS).get("IndicatorLED").asText().equals("Off"));
    }

    @Test
    void sushyAndIpmitoolTellTheSameIdentity() {
        RedfishRig.Run sushy = RedfishRig.run(List.of(
                "/usr/bin/python3",
                "-c",
                String.join(
                        "\n",
                        "import sushy, urllib3",
                        "urllib3.disable_warnings()",
                        "root = sushy.Sushy('" + rig.base() + "/redfish/v1', username='" + ADMIN + "', password='"
                                + ADMIN_PW + "', verify=False)",
                        "c = root.get_chassis('" + CHASSIS + "')",
                        "print('chassis', c.manufacturer, c.model, c.serial_number, c.part_number, c.sku)",
                        "print('temps', sorted(t.physical_context for t in c.thermal.temperatures))",
                        "print('power', c.power.json['PowerControl'][0]['PowerLimit']['LimitException'])",
                        "c.set_indicator_led('Lit')",
                        "c.refresh()",
                        "print('led', c.indicator_led)",
                        "s = root.get_system('/redfish/v1/Systems/host0')",
                        "print('system', s.manufacturer, s.serial_number, s.sku, s.indicator_led)")));
        System.out.println("sushy:\n" + sushy.out());
        assertEquals(0, sushy.exit(), sushy.out());
        assertTrue(sushy.out().contains("chassis bmc-agent bmc-agent host CH0001 BMCA-CH BMCA-1"), sushy.out());
        assertTrue(sushy.out().contains("temps ['CPU', 'Intake']"), sushy.out());
        assertTrue(sushy.out().contains("power NoAction"), sushy.out());
        assertTrue(sushy.out().contains("system bmc-agent SN0001 BMCA-1 IndicatorLED.LIT"), sushy.out());
        assertTrue(sushy.out().contains("led IndicatorLED.LIT"), sushy.out());

        RedfishRig.Run fru = RedfishRig.run(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(rig.runtime.ipmiAddress(0).getPort()),
                "-U",
                ADMIN,
                "-P",
                ADMIN_PW,
                "-C",
                "17",
                "fru",
                "print",
                "0"));
        System.out.println("ipmitool fru print 0:\n" + fru.out());
        assertTrue(fru.out().matches("(?s).*Product Serial\\s+:\\s+SN0001.*"), fru.out());
        assertTrue(fru.out().matches("(?s).*Chassis Serial\\s+:\\s+CH0001.*"), fru.out());
    }
}
