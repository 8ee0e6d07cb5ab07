package dev.bmcagent.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Summary of latency samples in nanoseconds. Percentiles are nearest-rank: the smallest sample with at least
 * p% of the samples at or below it.
 */
public record LatencyStats(int count, long p50, long p90, long p99, long p999, long min, long max, double mean) {

    public static LatencyStats of(long[] samples, int count) {
        if (count < 1 || count > samples.length) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long s : sorted) {
            sum += s;
        }
        return new LatencyStats(
                count,
                rank(sorted, 50),
                rank(sorted, 90),
                rank(sorted, 99),
                rank(sorted, 99.9),
                sorted[0],
                sorted[count - 1],
                sum / count);
    }

    static long rank(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** One machine-readable line, microseconds with one decimal. */
    public String resultLine(String label) {
        return String.format(
                Locale.ROOT,
                "RESULT label=%s n=%d p50_us=%.1f p90_us=%.1f p99_us=%.1f p999_us=%.1f min_us=%.1f max_us=%.1f mean_us=%.1f",
                label,
                count,
                p50 / 1e3,
                p90 / 1e3,
                p99 / 1e3,
                p999 / 1e3,
                min / 1e3,
                max / 1e3,
                mean / 1e3);
    }
}
