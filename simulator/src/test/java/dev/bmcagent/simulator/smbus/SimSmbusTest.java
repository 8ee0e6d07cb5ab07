package dev.bmcagent.simulator.smbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimSmbusTest {
    private static final Duration SPD = Duration.ofMillis(50);
    private static final Duration TEMP = Duration.ofMillis(5);

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> results = new ArrayList<>();
    private final List<Boolean> bmcCollided = new ArrayList<>();

    private void at(long millis, Runnable r) {
        scheduler.schedule(Duration.ofMillis(millis), r);
    }

    private SimSmbus scripted(double p) {
        SimSmbus bus = new SimSmbus(scheduler, new SplittableRandom(1), p, true);
        at(0, () -> bus.firmwareRead(0x50, SPD, ok -> results.add("50:" + ok)));
        at(10, () -> bmcCollided.add(bus.bmcRead(0x18, TEMP))); // inside [0, 50): collision 1
        at(50, () -> bus.firmwareRead(0x51, SPD, ok -> results.add("51:" + ok)));
        at(100, () -> bmcCollided.add(bus.bmcRead(0x18, TEMP))); // 51 ended at 100 (exclusive): none
        at(200, () -> bmcCollided.add(bus.bmcRead(0x19, TEMP))); // BMC first ...
        at(203, () -> bus.firmwareRead(0x52, SPD, ok -> results.add("52:" + ok))); // ... SPD starts inside: 2
        at(300, () -> bmcCollided.add(bus.bmcRead(0x1A, TEMP)));
        at(302, () -> bmcCollided.add(bus.bmcRead(0x1B, TEMP))); // BMC with BMC: not a collision
        at(307, () -> bus.firmwareRead(0x53, SPD, ok -> results.add("53:" + ok))); // BMC reads ended at 307: none
        scheduler.runUntilIdle();
        return bus;
    }

    @Test
    void countsOverlappingPairsExactlyAndCorruptsCollidedSpdReads() {
        SimSmbus bus = scripted(1.0);
        assertEquals(2, bus.collisions());
        // bmcRead answers at its start: the read at 200 only learns of the SPD read starting at 203 in the log
        assertEquals(List.of(true, false, false, false, false), bmcCollided);
        assertEquals(List.of("50:false", "51:true", "52:false", "53:true"), results);
        assertEquals(2, bus.failedFirmwareReads());
        assertEquals(4, bus.transactions(BusMaster.FIRMWARE));
        assertEquals(5, bus.transactions(BusMaster.BMC));
    }

    @Test
    void logRecordsWhoWhereWhenAndWhetherItCollided() {
        SimSmbus bus = scripted(1.0);
        List<BusTransaction> log = bus.log();
        assertEquals(9, log.size());
        BusTransaction first = log.get(0);
        assertEquals(BusMaster.FIRMWARE, first.master());
        assertEquals(0x50, first.address());
        assertEquals(VirtualScheduler.DEFAULT_EPOCH, first.start());
        assertEquals(Duration.ofMillis(50), Duration.between(first.start(), first.end()));
        assertTrue(first.collided());
        assertTrue(first.failed());
        assertEquals(4, log.stream().filter(BusTransaction::collided).count()); // two pairs
        assertFalse(log.get(8).collided());
    }

    @Test
    void collisionsStillCountWhenTheyDoNoHarm() {
        SimSmbus bus = scripted(0.0);
        assertEquals(2, bus.collisions());
        assertEquals(0, bus.failedFirmwareReads());
        assertEquals(List.of("50:true", "51:true", "52:true", "53:true"), results);
    }

    @Test
    void logCanBeTurnedOffWithoutLosingCounts() {
        SimSmbus bus = new SimSmbus(scheduler, new SplittableRandom(1), 1.0, false);
        bus.firmwareRead(0x50, SPD, ok -> {});
        assertTrue(bus.bmcRead(0x18, TEMP));
        scheduler.runUntilIdle();
        assertEquals(1, bus.collisions());
        assertTrue(bus.log().isEmpty());
    }
}
