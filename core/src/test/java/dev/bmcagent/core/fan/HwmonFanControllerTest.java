package dev.bmcagent.core.fan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a temporary directory laid out like /sys/class/hwmon. */
class HwmonFanControllerTest {
    @TempDir
    Path root;

    Path hwmon3;

    @BeforeEach
    void layOut() throws IOException {
        hwmon3 = Files.createDirectories(root.resolve("hwmon3"));
        for (String f : List.of("pwm1", "pwm2", "pwm3")) {
            Files.writeString(hwmon3.resolve(f), "255\n", StandardCharsets.US_ASCII);
            Files.writeString(hwmon3.resolve(f + "_enable"), "2\n", StandardCharsets.US_ASCII); // 2 = automatic
        }
    }

    private String read(String f) throws IOException {
        return Files.readString(hwmon3.resolve(f), StandardCharsets.US_ASCII);
    }

    @Test
    void writesDutyAsPwm0To255AndTakesManualControl() throws IOException {
        HwmonFanController c = new HwmonFanController(
                root, Map.of(0, List.of("hwmon3/pwm1", "hwmon3/pwm2"), 1, List.of("hwmon3/pwm3")));
        assertEquals(List.of(0, 1), c.zones(), "the fan loop drives every configured zone");
        c.setDuty(0, 60);
        assertEquals("153", read("pwm1")); // 60 % of 255 = 153
        assertEquals("153", read("pwm2"));
        assertEquals("1", read("pwm1_enable"));
        assertEquals("255\n", read("pwm3"), "other zone untouched");
        assertEquals("2\n", read("pwm3_enable"));

        c.setDuty(1, 30);
        assertEquals("77", read("pwm3")); // 76.5 rounds to 77
        c.setDuty(0, 100);
        assertEquals("255", read("pwm1"));
        c.setDuty(0, 0);
        assertEquals("0", read("pwm1"));
    }

    @Test
    void rejectsUnknownZonesAndBadDuties() {
        HwmonFanController c = new HwmonFanController(root, Map.of(0, List.of("hwmon3/pwm1")));
        assertThrows(IllegalArgumentException.class, () -> c.setDuty(7, 50));
        assertThrows(IllegalArgumentException.class, () -> c.setDuty(0, 101));
        assertThrows(IllegalArgumentException.class, () -> c.setDuty(0, -1));
    }

    @Test
    void aMissingPwmFileIsAnErrorAndIsNotCreated() {
        HwmonFanController c = new HwmonFanController(root, Map.of(0, List.of("hwmon3/pwm9")));
        assertThrows(UncheckedIOException.class, () -> c.setDuty(0, 50));
        assertEquals(false, Files.exists(hwmon3.resolve("pwm9")));
        assertEquals(false, Files.exists(hwmon3.resolve("pwm9_enable")));
    }
}
