package dev.bmcagent.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.agent.config.ConfigException;
import dev.bmcagent.agent.sensor.Reading;
import dev.bmcagent.agent.sensor.SensorKind;
import java.nio.file.Files;
import java.nio.file.Path;
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
                + "fanZones:\n  - [hwmon0/pwm1]\n"))).apply(0);
        assertEquals(GateClass.ALWAYS, hw.sensors().get(0).gate());
        assertEquals(24.0, ((Reading.Value) hw.bus().read(hw.sensors().get(0))).value());
        hw.fans().setDuty(0, 60);
        assertEquals("153", Files.readString(sys.resolve("hwmon0/pwm1")));
        assertEquals("1", Files.readString(sys.resolve("hwmon0/pwm1_enable")));
        assertEquals(0, HwmonHardware.perHost(Optional.of(yaml("hwmonRoot: " + sys))).apply(1).sensors().size());
        assertEquals(Optional.empty(), hw.power());
        HostHardware withPower = HwmonHardware.perHost(Optional.of(yaml("hwmonRoot: " + sys + "\npower:\n"
                + "  commands:\n    ON: [sh, -c, 'echo on > " + sys.resolve("power") + "']\n"))).apply(0);
        withPower.power().orElseThrow().perform(dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction.ON);
        assertEquals("on", Files.readString(sys.resolve("power")).trim());
        assertInstanceOf(Reading.Failed.class, hw.bus().read(new dev.bmcagent.agent.sensor.SensorSpec("X",
                SensorKind.TEMPERATURE, "hwmon9/temp1_input", GateClass.ALWAYS)));
    }

    @Test
    void badEntriesNameTheirKey() throws Exception {
        assertEquals("hardware.sensors[0].file: '../etc/shadow' must be a path relative to hardware.hwmonRoot, "
                + "inside it", rejection("sensors:\n  - {name: A, kind: FAN, file: ../etc/shadow, gate: ALWAYS}"));
        assertEquals("hardware.hwmonRoot: 'sys' must be an absolute path", rejection("hwmonRoot: sys"));
        assertEquals("hardware.fanZones[0]: 1..16 pwm files", rejection("fanZones:\n  - []"));
        assertEquals("hardware.power.timeoutSeconds: 500 is out of range 1..120",
                rejection("power:\n  timeoutSeconds: 500\n"));
        assertEquals("hardware.power.commands.ON: needs a command: [program, arg...]",
                rejection("power:\n  commands:\n    ON: []\n"));
        StringBuilder many = new StringBuilder("sensors:\n");
        for (int i = 0; i <= HwmonHardware.MAX_SENSORS; i++) {
            many.append("  - {name: S").append(i).append(", kind: FAN, file: f").append(i).append(", gate: ALWAYS}\n");
        }
        assertEquals("hardware.sensors: 257 sensors; at most 256", rejection(many.toString()));
    }
}
