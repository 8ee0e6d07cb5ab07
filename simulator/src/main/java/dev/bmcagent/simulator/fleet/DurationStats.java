package dev.bmcagent.simulator.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Median, 95th percentile (nearest rank) and maximum of a set of durations.
 *
 * @param count  number of samples
 * @param median 50th percentile, nearest rank (zero when empty)
 * @param p95    95th percentile, nearest rank (zero when empty)
 * @param max    largest sample (zero when empty)
 */
public record DurationStats(int count, Duration median, Duration p95, Duration max) {
    public static final DurationStats EMPTY = new DurationStats(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public static DurationStats of(Collection<Duration> samples) {
        if (samples.isEmpty()) {
            return EMPTY;
        }
        List<Duration> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        return new DurationStats(sorted.size(), rank(sorted, 50), rank(sorted, 95), sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, int percent) {
        int n = sorted.size();
        int index = (int) Math.ceil(percent / 100.0 * n) - 1;
        return sorted.get(Math.max(0, Math.min(n - 1, index)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d median=%s p95=%s max=%s", count, fmt(median), fmt(p95), fmt(max));
    }

    static String fmt(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
