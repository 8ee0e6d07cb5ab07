package dev.bmcagent.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.simulator.firmware.FirmwareTiming;
import dev.bmcagent.simulator.support.RecordingLink;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostSensorsTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SimulatedHost host = new SimulatedHost(
            0,
            HostConfig.builder()
                    .timing(FirmwareTiming.SERVER.exact())
                    .dimms(2, 32)
                    .nics(1)
                    .build(),
            8,
            scheduler);

    private Reading read(String name) {
        SensorSpec spec = host.sensorSpecs().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        return host.sensorBus().read(spec);
    }

    private double value(String name) {
        Reading r = read(name);
        assertTrue(r instanceof Reading.Value, name + " should read: " + r);
        return ((Reading.Value) r).value();
    }

    @Test
    void specsCarryGateClasses() {
        assertEquals(GateClass.ALWAYS, spec("INLET_TEMP").gate());
        assertEquals(GateClass.ALWAYS, spec("BOARD_TEMP").gate());
        assertEquals(GateClass.HOST_ON, spec("CPU_TEMP").gate());
        assertEquals(GateClass.NOT_DURING_FIRMWARE_INIT, spec("DIMM_TEMP_1").gate());
        assertEquals(GateClass.HOST_ON, spec("NIC_TEMP_0").gate());
        assertEquals("fan:6", spec("SYS_FAN6").address());
    }

    private SensorSpec spec(String name) {
        return host.sensorSpecs().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void hostPoweredSensorsAreAbsentInS5AndReadableOnceOn() {
        assertTrue(read("CPU_TEMP") instanceof Reading.Failed);
        assertTrue(read("NIC_TEMP_0") instanceof Reading.Failed);
        assertEquals(0, value("SYS_FAN1"));
        double inlet = value("INLET_TEMP");
        assertEquals(inlet, value("BOARD_TEMP")); // standby: the board is at inlet temperature
        host.attach(new RecordingLink(scheduler));
        host.powerOn();
        scheduler.runFor(Duration.ofSeconds(3));
        assertEquals(HostPowerState.FIRMWARE, host.state());
        double cpuInFirmware = value("CPU_TEMP");
        assertTrue(cpuInFirmware > inlet);
        scheduler.runUntilIdle();
        assertEquals(HostPowerState.OS, host.state());
        assertTrue(value("CPU_TEMP") > cpuInFirmware, "the OS runs hotter than firmware");
        assertTrue(value("BOARD_TEMP") > inlet && value("BOARD_TEMP") < value("CPU_TEMP"));
    }

    @Test
    void fansFollowTheDutyAndCoolTheParts() {
        host.attach(new RecordingLink(scheduler));
        host.powerOn();
        scheduler.runUntilIdle();
        host.fans().setDuty(0, 30);
        host.fans().setDuty(1, 30);
        double warm = value("CPU_TEMP");
        assertEquals(30 * 16_000 / 100.0, value("SYS_FAN1"));
        host.fans().setDuty(0, 90);
        assertEquals(90 * 16_000 / 100.0, value("SYS_FAN1")); // fan 1 in zone 0
        assertEquals(30 * 16_000 / 100.0, value("SYS_FAN2")); // fan 2 in zone 1
        assertTrue(value("CPU_TEMP") < warm);
    }

    @Test
    void aBrokenSensorFailsEvenInS0() {
        host.attach(new RecordingLink(scheduler));
        host.powerOn();
        scheduler.runUntilIdle();
        host.faults().breakSensor("CPU_TEMP", true);
        assertTrue(read("CPU_TEMP") instanceof Reading.Failed);
        assertTrue(read("NIC_TEMP_0") instanceof Reading.Value);
        host.faults().breakSensor("CPU_TEMP", false);
        assertTrue(read("CPU_TEMP") instanceof Reading.Value);
    }
}
