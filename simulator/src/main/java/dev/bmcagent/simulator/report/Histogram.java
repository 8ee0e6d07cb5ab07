package dev.bmcagent.simulator.report;

import dev.bmcagent.simulator.fleet.DurationStats;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The fleet's boot-time distribution as an SVG histogram, with the median and p95 marked. */
final class Histogram {
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 44;
    private static final int PLOT_HEIGHT = 260;

    private Histogram() {}

    static String svg(List<Duration> samples, DurationStats stats) {
        if (samples.isEmpty()) {
            return "<p>No boot reached the OS.</p>\n";
        }
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Duration d : samples) {
            double m = d.toMillis() / 60000.0;
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        double width = binWidth(hi - lo);
        double from = Math.floor(lo / width) * width;
        int bins = Math.max(1, (int) Math.ceil((hi - from) / width + 1e-9));
        if (from + bins * width <= hi) {
            bins++;
        }
        int[] counts = new int[bins];
        for (Duration d : samples) {
            int i = (int) Math.floor((d.toMillis() / 60000.0 - from) / width);
            counts[Math.min(bins - 1, Math.max(0, i))]++;
        }
        int maxCount = 1;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        double yMax = Axis.niceCountMax(maxCount);
        double plotWidth = HtmlReport.WIDTH - LEFT - RIGHT;
        double bw = plotWidth / bins;
        Svg svg = new Svg(HtmlReport.WIDTH, TOP + PLOT_HEIGHT + 60);
        double base = TOP + PLOT_HEIGHT;
        for (double t : Axis.ticks(yMax, Axis.countStep(maxCount))) {
            double y = base - t / yMax * PLOT_HEIGHT;
            svg.line(LEFT, y, LEFT + plotWidth, y, "#e3e3e3", 1, false);
            svg.text(LEFT - 8, y + 4, "end", "#444", Axis.label(t));
        }
        for (int i = 0; i < bins; i++) {
            double h = counts[i] / yMax * PLOT_HEIGHT;
            svg.rect(
                    LEFT + i * bw + 1,
                    base - h,
                    bw - 2,
                    h,
                    "#4c78a8",
                    String.format(
                            Locale.ROOT,
                            "%.1f-%.1f min: %d boots",
                            from + i * width,
                            from + (i + 1) * width,
                            counts[i]));
        }
        svg.line(LEFT, base, LEFT + plotWidth, base, "#333", 1, false);
        int labelEvery = Math.max(1, (bins + 11) / 12);
        for (int i = 0; i <= bins; i += labelEvery) {
            svg.text(LEFT + i * bw, base + 16, "middle", "#444", minutes(from + i * width));
        }
        svg.text(LEFT + plotWidth / 2, base + 36, "middle", "#444", "boot time, min:s (power-on / reset to OS)");
        svg.text(16, TOP + PLOT_HEIGHT / 2.0, "start", "#444", "boots");
        marker(svg, stats.median(), from, width, bw, base, 0, "median " + SummaryText.hms(stats.median()));
        marker(svg, stats.p95(), from, width, bw, base, 16, "p95 " + SummaryText.hms(stats.p95()));
        return svg.end();
    }

    private static void marker(
            Svg svg, Duration d, double from, double width, double bw, double base, int dy, String label) {
        double x = LEFT + (d.toMillis() / 60000.0 - from) / width * bw;
        svg.line(x, dy == 0 ? 4 : 20, x, base, "#e45756", 1.5, true);
        boolean nearRight = x > HtmlReport.WIDTH - 160;
        svg.text(nearRight ? x - 4 : x + 4, 14 + dy, nearRight ? "end" : "start", "#e45756", label);
    }

    /** A round bin width (minutes) giving at most ~40 bins over {@code span}. */
    static double binWidth(double span) {
        double[] widths = {1.0 / 60, 1.0 / 30, 1.0 / 12, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60};
        for (double w : widths) {
            if (span / w <= 40) {
                return w;
            }
        }
        return 120;
    }

    private static String minutes(double m) {
        long seconds = Math.round(m * 60);
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
