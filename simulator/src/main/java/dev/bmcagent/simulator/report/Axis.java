package dev.bmcagent.simulator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round axis limits and ticks for the report's charts. */
final class Axis {
    private static final double[] STEPS = {0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 240};

    private Axis() {}

    /** The tick step giving at most ~12 ticks up to {@code max}. */
    static double step(double max) {
        for (double s : STEPS) {
            if (max / s <= 12) {
                return s;
            }
        }
        return Math.ceil(max / 12 / 60) * 60;
    }

    /** A whole-number tick step (for counts) giving at most ~12 ticks up to {@code max}. */
    static double countStep(double max) {
        return Math.max(1, step(max));
    }

    /** {@code max} rounded up to a whole count step. */
    static double niceCountMax(double max) {
        double s = countStep(max);
        return Math.max(s, Math.ceil(max / s) * s);
    }

    /** Ticks 0, s, 2s... up to {@code max} with step {@code s}. */
    static List<Double> ticks(double max, double s) {
        List<Double> out = new ArrayList<>();
        for (double v = 0; v <= max + 1e-9; v += s) {
            out.add(v);
        }
        return out;
    }

    /** {@code max} rounded up to a whole tick step. */
    static double niceMax(double max) {
        double s = step(max);
        return Math.max(s, Math.ceil(max / s) * s);
    }

    static List<Double> ticks(double max) {
        double s = step(max);
        List<Double> out = new ArrayList<>();
        for (double v = 0; v <= max + 1e-9; v += s) {
            out.add(v);
        }
        return out;
    }

    static String label(double minutes) {
        return minutes == Math.rint(minutes)
                ? String.format(Locale.ROOT, "%d", (long) minutes)
                : String.format(Locale.ROOT, "%.1f", minutes);
    }
}
