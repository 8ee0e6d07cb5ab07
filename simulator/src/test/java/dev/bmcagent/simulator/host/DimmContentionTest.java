package dev.bmcagent.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.simulator.firmware.FirmwareTiming;
import dev.bmcagent.simulator.smbus.BusMaster;
import dev.bmcagent.simulator.smbus.BusTransaction;
import dev.bmcagent.simulator.support.RecordingLink;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A BMC read of a DIMM sensor during UEFI's SPD reads makes the host skip that DIMM. */
class DimmContentionTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SimulatedHost host = new SimulatedHost(
            0,
            HostConfig.builder()
                    .timing(FirmwareTiming.SERVER.exact())
                    .dimms(8, 32)
                    .spdFailureProbability(1.0)
                    .build(),
            3,
            scheduler);

    private SensorSpec dimmSensor(String name) {
        return host.sensorSpecs().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void dimmWhoseSpdReadCollidedIsSkippedAndTheHostBootsWithLessMemory() {
        host.attach(new RecordingLink(scheduler));
        host.powerOn();
        // SPD reads start 2 s (to firmware) + 4 s (primary CPU) after power-on, 50 ms each: DIMM 3 at 6.150-6.200 s
        scheduler.schedule(Duration.ofMillis(6_160), () -> host.sensorBus().read(dimmSensor("DIMM_TEMP_0")));
        scheduler.runUntilIdle();

        BootRecord first = host.boots().get(0);
        assertEquals(7, first.dimmsDetected());
        assertTrue(first.missingDimms());
        assertEquals(7 * 32, host.reportedMemoryGiB());
        assertEquals(1, host.smbus().collisions());
        assertEquals(1, host.smbus().failedFirmwareReads());
        BusTransaction spd3 = host.smbus().log().stream()
                .filter(t -> t.master() == BusMaster.FIRMWARE && t.address() == 0x53)
                .findFirst()
                .orElseThrow();
        assertTrue(spd3.failed());

        host.reboot();
        scheduler.runUntilIdle();
        BootRecord second = host.boots().get(1);
        assertEquals(8, second.dimmsDetected(), "no BMC read this time: every DIMM found");
        assertEquals(256, host.reportedMemoryGiB());
        assertTrue(second.longTraining(), "memory population changed since the last boot: long training");
    }

    @Test
    void readsOutsideTheSpdWindowDoNoHarm() {
        host.attach(new RecordingLink(scheduler));
        host.powerOn();
        scheduler.schedule(Duration.ofMillis(6_400), () -> host.sensorBus().read(dimmSensor("DIMM_TEMP_2")));
        scheduler.runUntilIdle();
        assertEquals(0, host.smbus().collisions());
        assertFalse(host.boots().get(0).missingDimms());
        assertEquals(1, host.smbus().transactions(BusMaster.BMC));
    }

    @Test
    void dimmSensorsAreOnTheSmbusAndDoNotAnswerWhileTheHostIsOff() {
        SensorSpec spec = dimmSensor("DIMM_TEMP_0");
        assertEquals("smbus:0x18", spec.address());
        assertTrue(host.sensorBus().read(spec) instanceof Reading.Failed);
        assertEquals(0, host.smbus().transactions(BusMaster.BMC));
    }
}
