package dev.bmcagent.core.fan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class FanCurvePropertiesTest {
    private final FanCurve curve = FanCurve.DEFAULT;

    @Property
    void dutyIsBoundedAndNeverFallsAsTemperatureRises(
            @ForAll @DoubleRange(min = -40, max = 150) double a, @ForAll @DoubleRange(min = -40, max = 150) double b) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        int dLo = curve.duty(lo);
        int dHi = curve.duty(hi);
        assertTrue(dLo <= dHi, () -> lo + "C -> " + dLo + "%, " + hi + "C -> " + dHi + "%");
        assertTrue(dLo >= curve.minDuty() && dHi <= curve.maxDuty());
    }
}
