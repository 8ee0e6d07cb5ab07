package dev.bmcagent.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.agent.config.ConfigException;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sdr.SensorCatalog;
import dev.bmcagent.ipmi.sdr.SensorDefinition;
import dev.bmcagent.ipmi.sdr.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hardware: section on a fake sysfs tree: sensors read through hwmon, fans written as pwm. */
class HwmonHardwareTest {
    @TempDir
    Path sys;

    private static JsonNode yaml(String s) throws Exception {
        return new YAMLMapper().readTree(s);
    }

    private String rejection(String s) throws Exception {
        JsonNode n = yaml(s);
        return assertThrows(ConfigException.class, () -> HwmonHardware.from(n)).getMessage();
    }

    @Test
    void host0GetsTheConfiguredSensorsAndFans() throws Exception {
        Files.createDirectories(sys.resolve("hwmon0"));
        Files.writeString(sys.resolve("hwmon0/temp1_input"), "24000\n");
        Files.writeString(sys.resolve("hwmon0/pwm1"), "0");
        Files.writeString(sys.resolve("hwmon0/pwm1_enable"), "2");
        HostHardware hw = HwmonHardware.perHost(Optional.of(yaml("hwmonRoot: " + sys + "\nsensors:\n"
                        + "  - {name: INLET_TEMP, kind: temperature, file: hwmon0/temp1_input, gate: ALWAYS}\n"
                        + "fanZones:\n  - [hwmon0/pwm1]\n")))
                .apply(0);
        assertEquals(GateClass.ALWAYS, hw.sensors().get(0).gate());
        assertEquals(24.0, ((Reading.Value) hw.bus().read(hw.sensors().get(0))).value());
        hw.fans().setDuty(0, 60);
        assertEquals("153", Files.readString(sys.resolve("hwmon0/pwm1")));
        assertEquals("1", Files.readString(sys.resolve("hwmon0/pwm1_enable")));
        assertEquals(
                0,
                HwmonHardware.perHost(Optional.of(yaml("hwmonRoot: " + sys)))
                        .apply(1)
                        .sensors()
                        .size());
        assertEquals(Optional.empty(), hw.power());
        assertInstanceOf(
                Reading.Failed.class,
                hw.bus()
                        .read(new dev.bmcagent.core.sensor.SensorSpec(
                                "X", SensorKind.TEMPERATURE, "hwmon9/temp1_input", GateClass.ALWAYS)));
    }

    @Test
    void badEntriesNameTheirKey() throws Exception {
        assertEquals(
                "hardware.sensors[0].file: '../etc/shadow' must be a path relative to hardware.hwmonRoot, "
                        + "inside it",
                rejection("sensors:\n  - {name: A, kind: FAN, file: ../etc/shadow, gate: ALWAYS}"));
        assertEquals("hardware.hwmonRoot: 'sys' must be an absolute path", rejection("hwmonRoot: sys"));
        assertEquals("hardware.fanZones[0]: 1..16 pwm files", rejection("fanZones:\n  - []"));
        StringBuilder many = new StringBuilder("sensors:\n");
        for (int i = 0; i <= HwmonHardware.MAX_SENSORS; i++) {
            many.append("  - {name: S")
                    .append(i)
                    .append(", kind: FAN, file: f")
                    .append(i)
                    .append(", gate: ALWAYS}\n");
        }
        assertEquals("hardware.sensors: 257 sensors; at most 256", rejection(many.toString()));
    }

    private static final String INLET =
            "  - {name: INLET_TEMP, kind: TEMPERATURE, file: hwmon0/temp1_input, gate: ALWAYS";

    @Test
    void sdrNumbersAndThresholdsComeFromTheEntries() throws Exception {
        HwmonHardware hw = HwmonHardware.from(yaml("sensors:\n"
                + INLET + ", thresholds: {upperNonCritical: 30, upperCritical: 35, upperNonRecoverable: 40}}\n"
                + "  - {name: CPU_TEMP, kind: TEMPERATURE, file: hwmon0/temp2_input, gate: HOST_ON, sdrNumber: 0x40}\n"
                + "  - {name: GPU_TEMP, kind: TEMPERATURE, file: hwmon0/temp3_input, gate: HOST_ON, sdrNumber: 0x30,"
                + " thresholds: {upperCritical: 90}}\n"
                + "  - {name: PSU_FAN, kind: FAN, file: hwmon0/fan1_input, gate: ALWAYS, sdrNumber: 49,"
                + " thresholds: {lowerNonRecoverable: 300, lowerCritical: 500, lowerNonCritical: 800}}\n"
                + "  - {name: BOARD_TEMP_WITHOUT_SDR, kind: TEMPERATURE, file: hwmon0/temp4_input, gate: ALWAYS}\n"));
        Map<String, SensorDefinition> sdr = new java.util.HashMap<>();
        hw.sdr().forEach(d -> sdr.put(d.name(), d));
        assertEquals(
                new Thresholds(Thresholds.NONE, Thresholds.NONE, Thresholds.NONE, 30, 35, 40),
                sdr.get("INLET_TEMP").thresholds());
        assertEquals(0x08, sdr.get("INLET_TEMP").number());
        assertEquals(0x40, sdr.get("CPU_TEMP").number());
        assertEquals(Thresholds.upper(85, 95, 105), sdr.get("CPU_TEMP").thresholds()); // the standard ones kept
        assertEquals(0x30, sdr.get("GPU_TEMP").number());
        assertEquals(0x01, sdr.get("GPU_TEMP").sensorType());
        assertEquals(
                new Thresholds(Thresholds.NONE, Thresholds.NONE, Thresholds.NONE, Thresholds.NONE, 90, Thresholds.NONE),
                sdr.get("GPU_TEMP").thresholds());
        assertEquals(Thresholds.lower(8, 5, 3), sdr.get("PSU_FAN").thresholds()); // 100 RPM per count
        assertEquals(0x04, sdr.get("PSU_FAN").sensorType());
        assertEquals(null, sdr.get("BOARD_TEMP_WITHOUT_SDR"));
        assertEquals(SensorCatalog.standard(8, 6).size() + 2, hw.sdr().size());
        // the SDR builds (one record per sensor, numbers unique)
        assertEquals(
                hw.sdr().size() + 2,
                SdrRepository.build("BMC", "FRU", hw.sdr(), 0).size());
    }

    @Test
    void duplicateOrBadNumbersAndThresholdsAreRefusedNamingTheKey() throws Exception {
        assertEquals(
                "hardware.sensors[1].sdrNumber: 48 (30h) is both hardware.sensors[0] A_TEMP's and "
                        + "hardware.sensors[1] B_TEMP's: every SDR sensor needs its own number",
                rejection("""
                        sensors:
                          - {name: A_TEMP, kind: TEMPERATURE, file: a, gate: ALWAYS, sdrNumber: 0x30}
                          - {name: B_TEMP, kind: TEMPERATURE, file: b, gate: ALWAYS, sdrNumber: 48}
                        """));
        assertEquals(
                "hardware.sensors[0].sdrNumber: 1 (01h) is both the standard sensor CPU_TEMP's and "
                        + "hardware.sensors[0] GPU_TEMP's: every SDR sensor needs its own number",
                rejection("""
                        sensors:
                          - {name: GPU_TEMP, kind: TEMPERATURE, file: a, gate: ALWAYS, sdrNumber: 1}
                        """));
        assertEquals(
                "hardware.sensors[0].sdrNumber: 8 (08h) is both hardware.sensors[0] CPU_TEMP's and "
                        + "the standard sensor INLET_TEMP's: every SDR sensor needs its own number",
                rejection("""
                        sensors:
                          - {name: CPU_TEMP, kind: TEMPERATURE, file: a, gate: ALWAYS, sdrNumber: 8}
                        """));
        assertEquals("hardware.sensors[1].name: 'A' is already hardware.sensors[0]'s name", rejection("""
                sensors:
                  - {name: A, kind: FAN, file: a, gate: ALWAYS}
                  - {name: A, kind: FAN, file: b, gate: ALWAYS}
                """));
        assertEquals("hardware.sensors[0].sdrNumber: 255 is out of range 1..254 (01h..FEh)", rejection("""
                sensors:
                  - {name: A, kind: FAN, file: a, gate: ALWAYS, sdrNumber: 255}
                """));
        assertEquals(
                "hardware.sensors[0].thresholds: need an sdrNumber: A is not a standard SDR sensor",
                rejection(
                        "sensors:\n  - {name: A, kind: FAN, file: a, gate: ALWAYS, thresholds: {lowerCritical: 500}}\n"));
        assertEquals(
                "hardware.sensors[0].thresholds.upperCritical: 40.0 is below upperNonCritical (45.0)",
                rejection("sensors:\n" + INLET + ", thresholds: {upperNonCritical: 45, upperCritical: 40}}\n"));
        assertEquals(
                "hardware.sensors[0].thresholds.lowerCritical: 550.0 is not on the sensor's scale: 0..25500.0 RPM"
                        + " in steps of 100.0",
                rejection("sensors:\n  - {name: SYS_FAN1, kind: FAN, file: a, gate: ALWAYS,"
                        + " thresholds: {lowerCritical: 550}}\n"));
        assertEquals(
                "hardware.sensors[0].thresholds.upperCritical: 300.0 is not on the sensor's scale: 0..255.0 Cel"
                        + " in steps of 1.0",
                rejection("sensors:\n" + INLET + ", thresholds: {upperCritical: 300}}\n"));
        assertEquals(
                "hardware.sensors[0].name: 'ACPI_STATUS' is the agent's own discrete sensor (its SEL records "
                        + "use that number); give the hwmon sensor another name",
                rejection("""
                        sensors:
                          - {name: ACPI_STATUS, kind: TEMPERATURE, file: a, gate: ALWAYS, sdrNumber: 0x50}
                        """));
        assertEquals("hardware.sensors[0].kind: SYS_FAN1 is a FAN sensor in the SDR", rejection("""
                sensors:
                  - {name: SYS_FAN1, kind: TEMPERATURE, file: a, gate: ALWAYS}
                """));
        assertEquals(
                "hardware.sensors[0].name: 'A_VERY_LONG_SENSOR_NAME' is longer than the 16 characters an SDR ID "
                        + "string holds",
                rejection("""
                        sensors:
                          - {name: A_VERY_LONG_SENSOR_NAME, kind: FAN, file: a, gate: ALWAYS, sdrNumber: 0x31}
                        """));
        assertEquals(
                "hardware.sensors[0].thresholds.upperCritcal: Unrecognized field \"upperCritcal\" (class "
                        + "dev.bmcagent.agent.runtime.HwmonHardware$Limits), not marked as ignorable",
                rejection("sensors:\n" + INLET + ", thresholds: {upperCritcal: 40}}\n")
                        .replaceAll(" \\(\\d+ known properties.*", ""));
    }
}
