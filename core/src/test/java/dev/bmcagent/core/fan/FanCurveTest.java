package dev.bmcagent.core.fan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.acpi.policy.FanMode;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FanCurveTest {
    private final FanCurve curve = FanCurve.DEFAULT;

    @Test
    void defaultCurveIs30PercentBelow40CRisingTo100PercentAt85C() {
        assertEquals(30, curve.duty(-10));
        assertEquals(30, curve.duty(40));
        assertEquals(32, curve.duty(41)); // 30 + 70/45 = 31.56 -> rounded up
        assertEquals(65, curve.duty(62.5)); // halfway
        assertEquals(100, curve.duty(85));
        assertEquals(100, curve.duty(120));
        assertEquals(100, curve.duty(Double.NaN));
    }

    @Test
    void rejectsInvertedCurves() {
        assertThrows(IllegalArgumentException.class, () -> new FanCurve(85, 30, 40, 100));
        assertThrows(IllegalArgumentException.class, () -> new FanCurve(40, 90, 85, 50));
        assertThrows(IllegalArgumentException.class, () -> new FanCurve(40, 30, 85, 101));
    }

    @Test
    void policyObeysTheModeOnly() {
        FanPolicy p = new FanPolicy(FanCurve.DEFAULT, 60, 100);
        OptionalDouble hot = OptionalDouble.of(62.5);
        assertEquals(65, p.duty(FanMode.Normal, hot, OptionalInt.empty()));
        assertEquals(60, p.duty(FanMode.FixedDuty, hot, OptionalInt.empty()));
        assertEquals(100, p.duty(FanMode.FailSafe, OptionalDouble.empty(), OptionalInt.empty()));
        // Nothing available in Normal: hold the last Normal duty (or the minimum), never fail-safe.
        assertEquals(47, p.duty(FanMode.Normal, OptionalDouble.empty(), OptionalInt.of(47)));
        assertEquals(30, p.duty(FanMode.Normal, OptionalDouble.empty(), OptionalInt.empty()));
    }
}
