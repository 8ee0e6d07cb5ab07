package dev.bmcagent.core.fan;

import dev.bmcagent.acpi.policy.FanMode;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Pure duty decision for one zone: Normal follows the {@link FanCurve} on the hottest available temperature,
 * FixedDuty holds the configured duty, FailSafe runs at the fail-safe duty. Unavailable sensors are simply
 * not part of "available": they never push the loop to fail-safe; only the lifecycle's mode does that.
 *
 * @param curve         Normal-mode curve
 * @param fixedDuty     FixedDuty duty (%), e.g. 60 while firmware initialises
 * @param failSafeDuty  FailSafe duty (%), normally 100
 */
public record FanPolicy(FanCurve curve, int fixedDuty, int failSafeDuty) {
    public static final FanPolicy DEFAULT = new FanPolicy(FanCurve.DEFAULT, 60, 100);

    public FanPolicy {
        Objects.requireNonNull(curve, "curve");
        if (fixedDuty < 0 || fixedDuty > 100 || failSafeDuty < 0 || failSafeDuty > 100) {
            throw new IllegalArgumentException("duty out of 0-100");
        }
    }

    /**
     * The duty for {@code mode}. In Normal mode with no temperature available, the previous Normal duty is kept
     * ({@code previousNormalDuty}; the curve's minimum if there was none).
     */
    public int duty(FanMode mode, OptionalDouble hottestC, OptionalInt previousNormalDuty) {
        switch (mode) {
            case FailSafe -> {
                return failSafeDuty;
            }
            case FixedDuty -> {
                return fixedDuty;
            }
            case Normal -> {
                if (hottestC.isPresent()) {
                    return curve.duty(hottestC.getAsDouble());
                }
                return previousNormalDuty.orElse(curve.minDuty());
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }
}
