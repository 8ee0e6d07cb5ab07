package dev.bmcagent.redfish.backend;

import java.util.Optional;

/**
 * Redfish {@code Resource.IndicatorLED} (deprecated in favour of LocationIndicatorActive, still read by tools). One
 * identify LED per host: ComputerSystem and Chassis show it both ways, and IPMI Chassis Identify drives the same one.
 */
public enum IndicatorLed {
    Lit,
    Blinking,
    Off;

    /** LocationIndicatorActive: the LED is on (lit or blinking). */
    public boolean active() {
        return this != Off;
    }

    /**
     * The LED a PATCH asks for: IndicatorLED when given, else LocationIndicatorActive (true blinks, as an identify
     * does; false turns it off), else nothing.
     */
    public static Optional<IndicatorLed> requested(Optional<IndicatorLed> led, Optional<Boolean> locationActive) {
        return led.isPresent() ? led : locationActive.map(a -> a ? Blinking : Off);
    }
}
