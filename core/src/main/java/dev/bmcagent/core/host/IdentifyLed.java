package dev.bmcagent.core.host;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.ipmi.command.chassis.ChassisStatus.IdentifyState;
import dev.bmcagent.redfish.backend.IndicatorLed;
import java.time.Duration;
import java.util.Objects;

/**
 * One host's identify LED, the single state behind Redfish IndicatorLED/LocationIndicatorActive (ComputerSystem and
 * Chassis) and IPMI Chassis Identify / Get Chassis Status. Redfish sets it until changed (Lit, Blinking, Off); IPMI
 * Chassis Identify blinks it for an interval (then it goes off on the injected scheduler) or, forced, until turned
 * off. Any later change cancels a pending timed off.
 */
public final class IdentifyLed {

    private final Scheduler scheduler;
    private IndicatorLed led = IndicatorLed.Off;
    private boolean timed;
    private Scheduler.Cancellable timer;
    private long generation;

    public IdentifyLed(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    public synchronized IndicatorLed state() {
        return led;
    }

    /** Redfish: the LED as written, until changed. */
    public synchronized void set(IndicatorLed next) {
        cancel();
        led = Objects.requireNonNull(next, "next");
    }

    /** IPMI Chassis Identify: blink for {@code seconds} (0: off), or until turned off when {@code force}. */
    public synchronized void identify(int seconds, boolean force) {
        cancel();
        if (force) {
            led = IndicatorLed.Blinking;
        } else if (seconds == 0) {
            led = IndicatorLed.Off;
        } else {
            led = IndicatorLed.Blinking;
            timed = true;
            long mine = generation;
            timer = scheduler.schedule(Duration.ofSeconds(seconds), () -> expire(mine));
        }
    }

    /** Get Chassis Status byte 3 bits 5:4. */
    public synchronized IdentifyState ipmiState() {
        return led == IndicatorLed.Off
                ? IdentifyState.OFF
                : timed ? IdentifyState.TEMPORARY_ON : IdentifyState.INDEFINITE_ON;
    }

    private synchronized void expire(long expected) {
        if (generation == expected && timed) {
            led = IndicatorLed.Off;
            timed = false;
            timer = null;
        }
    }

    private void cancel() {
        generation++;
        timed = false;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
