package dev.bmcagent.core.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.GateClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads a temporary directory laid out like /sys/class/hwmon (values as the kernel writes them: text + LF). */
class HwmonSensorBusTest {
    @TempDir
    Path root;

    HwmonSensorBus bus;

    @BeforeEach
    void layOut() throws IOException {
        Path hwmon0 = Files.createDirectories(root.resolve("hwmon0"));
        Files.writeString(hwmon0.resolve("name"), "nct6775\n", StandardCharsets.US_ASCII);
        Files.writeString(hwmon0.resolve("temp1_input"), "45125\n", StandardCharsets.US_ASCII);
        Files.writeString(hwmon0.resolve("temp2_input"), "-5500\n", StandardCharsets.US_ASCII);
        Files.writeString(hwmon0.resolve("fan1_input"), "5437\n", StandardCharsets.US_ASCII);
        Files.writeString(hwmon0.resolve("power1_input"), "187250000\n", StandardCharsets.US_ASCII);
        Files.writeString(hwmon0.resolve("temp3_input"), "N/A\n", StandardCharsets.US_ASCII);
        Files.writeString(hwmon0.resolve("temp4_input"), "", StandardCharsets.US_ASCII);
        bus = new HwmonSensorBus(root);
    }

    private static SensorSpec spec(SensorKind kind, String address) {
        return new SensorSpec("S", kind, address, GateClass.ALWAYS);
    }

    @Test
    void convertsHwmonUnitsToSensorUnits() {
        assertEquals(new Reading.Value(45.125), bus.read(spec(SensorKind.TEMPERATURE, "hwmon0/temp1_input")));
        assertEquals(new Reading.Value(-5.5), bus.read(spec(SensorKind.TEMPERATURE, "hwmon0/temp2_input")));
        assertEquals(new Reading.Value(5437), bus.read(spec(SensorKind.FAN, "hwmon0/fan1_input")));
        assertEquals(new Reading.Value(187.25), bus.read(spec(SensorKind.POWER, "hwmon0/power1_input")));
    }

    @Test
    void missingFileIsAFailedReadingNamingTheFile() {
        Reading r = bus.read(spec(SensorKind.TEMPERATURE, "hwmon0/temp9_input"));
        Reading.Failed f = assertInstanceOf(Reading.Failed.class, r);
        assertTrue(f.reason().startsWith("no such file") && f.reason().contains("temp9_input"), f.reason());
    }

    @Test
    void garbageAndEmptyFilesAreFailedReadings() {
        Reading.Failed garbage =
                assertInstanceOf(Reading.Failed.class, bus.read(spec(SensorKind.TEMPERATURE, "hwmon0/temp3_input")));
        assertTrue(garbage.reason().contains("not a number") && garbage.reason().contains("'N/A'"), garbage.reason());
        assertInstanceOf(Reading.Failed.class, bus.read(spec(SensorKind.TEMPERATURE, "hwmon0/temp4_input")));
    }

    @Test
    void aDirectoryOrAPathOutsideTheRootIsAFailedReading() throws IOException {
        Files.writeString(root.getParent().resolve("outside_input"), "1000", StandardCharsets.US_ASCII);
        Reading.Failed escape =
                assertInstanceOf(Reading.Failed.class, bus.read(spec(SensorKind.TEMPERATURE, "../outside_input")));
        assertTrue(escape.reason().contains("outside"), escape.reason());
        assertInstanceOf(Reading.Failed.class, bus.read(spec(SensorKind.TEMPERATURE, "hwmon0")));
    }
}
