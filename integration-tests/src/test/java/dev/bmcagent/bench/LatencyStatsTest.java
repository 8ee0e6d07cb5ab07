package dev.bmcagent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    @Test
    void nearestRankPercentilesOverTheRecordedPrefixOnly() {
        long[] samples = new long[250];
        for (int i = 0; i < 200; i++) {
            samples[i] = (200 - i) * 1_000L; // 1..200 µs, reversed so sorting matters
        }
        samples[200] = 999_999_999L; // beyond count: must be ignored
        LatencyStats s = LatencyStats.of(samples, 200);
        assertEquals(200, s.count());
        assertEquals(100_000, s.p50()); // ceil(0.50 * 200) = 100th smallest
        assertEquals(180_000, s.p90());
        assertEquals(198_000, s.p99());
        assertEquals(200_000, s.p999()); // ceil(0.999 * 200) = 200th
        assertEquals(1_000, s.min());
        assertEquals(200_000, s.max());
        assertEquals(100_500.0, s.mean(), 1e-9);
    }

    @Test
    void resultLineIsMachineReadableMicroseconds() {
        LatencyStats s = LatencyStats.of(new long[] {120_400, 95_000, 290_000}, 3);
        assertEquals(
                "RESULT label=x n=3 p50_us=120.4 p90_us=290.0 p99_us=290.0 p999_us=290.0 min_us=95.0"
                        + " max_us=290.0 mean_us=168.5",
                s.resultLine("x"));
    }

    @Test
    void refusesNoSamples() {
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.of(new long[3], 0));
    }

    @Test
    void optionsAcceptOnlyLoopbackHostsAndBoundedNumbers() {
        BenchOptions o = BenchOptions.parse("--host", "10.0.0.1", "--count", "0");
        assertThrows(IllegalArgumentException.class, () -> o.loopbackHost("host"));
        assertThrows(IllegalArgumentException.class, () -> o.number("count", 10, 1, 100));
        assertEquals("127.0.0.1", BenchOptions.parse().loopbackHost("host"));
        assertEquals(10, BenchOptions.parse().number("count", 10, 1, 100));
    }
}
