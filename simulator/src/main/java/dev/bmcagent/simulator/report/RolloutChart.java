package dev.bmcagent.simulator.report;

import java.util.List;
import java.util.Locale;

/**
 * The rollout picture: reboots in flight over virtual time, one panel per run (coordinated beside uncoordinated),
 * stacked by wave, with the cadence cap as a dashed line. Each panel has its own y scale (its peak, or its cap if
 * higher, labelled): on one scale a 500-reboot cadence beside a 10,000-reboot storm would be a flat line. Input is each run's list of in-flight changes; the
 * panel shows, per time bucket, the maximum in flight within the bucket (so no peak is hidden by sampling).
 */
public final class RolloutChart {
    /** One change of the in-flight count: time (ns of virtual time), +1/-1, the wave of the host (-1 none). */
    public record Change(long atNanos, int delta, int wave) {}

    /** One panel. */
    public record Panel(String title, List<Change> changes, long startNanos, int cap) {}

    private static final int W = 560;
    private static final int H = 300;
    private static final int BUCKETS = 240;
    private static final String[] COLORS = {
        "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"
    };

    private RolloutChart() {}

    /** An SVG with the panels side by side, each on its own y scale. */
    public static String svg(List<Panel> panels) {
        Svg svg = new Svg(W * panels.size() + 20, H + 60);
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            draw(svg, p, 10 + i * W, Math.max(1, Math.max(p.cap(), peak(p.changes()))));
        }
        return svg.end();
    }

    private static int peak(List<Change> changes) {
        int c = 0;
        int p = 0;
        for (Change ch : changes) {
            c += ch.delta();
            p = Math.max(p, c);
        }
        return p;
    }

    private static void draw(Svg svg, Panel p, double x0, int yMax) {
        double left = x0 + 50;
        double top = 40;
        double width = W - 70;
        double height = H - 40;
        long end = p.changes().isEmpty()
                ? p.startNanos() + 1
                : p.changes().get(p.changes().size() - 1).atNanos();
        long span = Math.max(1, end - p.startNanos());
        int waves = 1;
        for (Change c : p.changes()) {
            waves = Math.max(waves, c.wave() + 1);
        }
        // per bucket and wave: max in flight of that wave within the bucket (stack by wave)
        int[][] max = new int[BUCKETS][waves];
        int[] cur = new int[waves];
        int ci = 0;
        List<Change> ch = p.changes();
        for (int b = 0; b < BUCKETS; b++) {
            long bucketEnd = p.startNanos() + span * (b + 1) / BUCKETS;
            System.arraycopy(cur, 0, max[b], 0, waves);
            while (ci < ch.size() && ch.get(ci).atNanos() <= bucketEnd) {
                Change c = ch.get(ci++);
                int w = Math.max(0, c.wave());
                cur[w] += c.delta();
                max[b][w] = Math.max(max[b][w], cur[w]);
            }
        }
        double bw = width / BUCKETS;
        for (int b = 0; b < BUCKETS; b++) {
            double y = top + height;
            for (int w = 0; w < waves; w++) {
                double h = height * max[b][w] / yMax;
                if (h > 0) {
                    y -= h;
                    svg.rect(
                            left + b * bw,
                            y,
                            bw,
                            h,
                            COLORS[w % COLORS.length],
                            String.format(Locale.ROOT, "wave %d: %d in flight", w, max[b][w]));
                }
            }
        }
        double capY = top + height - height * p.cap() / yMax;
        svg.line(left, capY, left + width, capY, "#000", 1, true);
        svg.text(left + width, capY - 4, "end", "#000", "cap " + p.cap());
        svg.line(left, top + height, left + width, top + height, "#333", 1, false);
        svg.line(left, top, left, top + height, "#333", 1, false);
        svg.text(left - 4, top + 4, "end", "#333", Integer.toString(yMax));
        svg.text(left - 4, top + height, "end", "#333", "0");
        svg.text(left, top + height + 16, "start", "#333", "0");
        svg.text(left + width, top + height + 16, "end", "#333", hms(span));
        svg.text(left + width / 2, top + height + 32, "middle", "#333", "virtual time; colour = wave");
        svg.bold(left + width / 2, top - 16, "middle", p.title() + " — peak " + peak(ch));
    }

    private static String hms(long nanos) {
        long s = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
