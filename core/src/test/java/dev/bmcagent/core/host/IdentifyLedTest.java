package dev.bmcagent.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.common.time.ManualScheduler;
import dev.bmcagent.ipmi.command.chassis.ChassisStatus.IdentifyState;
import dev.bmcagent.redfish.backend.IndicatorLed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentifyLedTest {
    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-12-06T00:00:00Z"));
    private final IdentifyLed led = new IdentifyLed(scheduler);

    @Test
    void timedIdentifyGoesOffAfterItsInterval() {
        led.identify(15, false);
        assertEquals(IndicatorLed.Blinking, led.state());
        assertEquals(IdentifyState.TEMPORARY_ON, led.ipmiState());
        scheduler.advance(Duration.ofSeconds(14));
        assertEquals(IndicatorLed.Blinking, led.state());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(IndicatorLed.Off, led.state());
        assertEquals(IdentifyState.OFF, led.ipmiState());
    }

    @Test
    void forcedIdentifyAndRedfishStayUntilChangedAndCancelAPendingTimer() {
        led.identify(15, false);
        led.set(IndicatorLed.Lit); // Redfish wins over the pending timed off
        scheduler.advance(Duration.ofSeconds(60));
        assertEquals(IndicatorLed.Lit, led.state());
        assertEquals(IdentifyState.INDEFINITE_ON, led.ipmiState());
        led.identify(0, true);
        scheduler.advance(Duration.ofHours(1));
        assertEquals(IndicatorLed.Blinking, led.state());
        led.identify(0, false);
        assertEquals(IndicatorLed.Off, led.state());
    }

    @Test
    void aNewIntervalReplacesTheOldOne() {
        led.identify(10, false);
        scheduler.advance(Duration.ofSeconds(8));
        led.identify(10, false);
        scheduler.advance(Duration.ofSeconds(8)); // the first timer would have fired at 10 s
        assertEquals(IndicatorLed.Blinking, led.state());
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(IndicatorLed.Off, led.state());
    }
}
