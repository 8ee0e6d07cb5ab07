package dev.bmcagent.core.node;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a host node acts on its own.
 *
 * @param tick       lifecycle tick (stuck detection)
 * @param sensorPoll sensor poll interval
 * @param fanStep    fan loop interval
 */
public record NodeTiming(Duration tick, Duration sensorPoll, Duration fanStep) {
    public static final NodeTiming DEFAULT =
            new NodeTiming(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1));

    public NodeTiming {
        for (Duration d : new Duration[] {tick, sensorPoll, fanStep}) {
            Objects.requireNonNull(d, "duration");
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("intervals must be positive");
            }
        }
    }
}
