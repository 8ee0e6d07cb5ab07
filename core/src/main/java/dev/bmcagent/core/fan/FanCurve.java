package dev.bmcagent.core.fan;

/**
 * The Normal-mode proportional curve: {@code minDuty} at or below {@code lowC}, {@code maxDuty} at or above
 * {@code highC}, linear in between, on the hottest available temperature.
 *
 * @param lowC    temperature (°C) up to which the duty stays at {@code minDuty}
 * @param minDuty duty (%) at and below {@code lowC}
 * @param highC   temperature (°C) from which the duty is {@code maxDuty}
 * @param maxDuty duty (%) at and above {@code highC}
 */
record FanCurve(double lowC, int minDuty, double highC, int maxDuty) {
    /** 30 % below 40 °C, rising linearly to 100 % at 85 °C. */
    public static final FanCurve DEFAULT = new FanCurve(40.0, 30, 85.0, 100);

    public FanCurve {
        if (!(lowC < highC)) {
            throw new IllegalArgumentException("lowC must be below highC");
        }
        if (minDuty < 0 || maxDuty > 100 || minDuty > maxDuty) {
            throw new IllegalArgumentException("need 0 <= minDuty <= maxDuty <= 100");
        }
    }

    /** The duty (%) for the hottest temperature {@code tempC}, rounded up (never under-cool). */
    public int duty(double tempC) {
        if (Double.isNaN(tempC) || tempC >= highC) {
            return maxDuty;
        }
        if (tempC <= lowC) {
            return minDuty;
        }
        double fraction = (tempC - lowC) / (highC - lowC);
        return (int) Math.min(maxDuty, Math.ceil(minDuty + fraction * (maxDuty - minDuty)));
    }
}
