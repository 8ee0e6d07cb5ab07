package dev.bmcagent.rollout.permit;

import java.time.Duration;
import java.util.Objects;

/**
 * The cadence a coordinator enforces.
 *
 * @param maxPerGroup     at most this many permits at once in one group (site, rack or a configured label)
 * @param maxFleetPercent at most this percentage of the fleet holds a permit at once (e.g. 5.0)
 * @param fleetSize       hosts in the fleet the percentage is taken of
 * @param lease           a permit not released within this time expires (the host is then counted as overdue)
 */
public record PermitPolicy(int maxPerGroup, double maxFleetPercent, int fleetSize, Duration lease) {
    public PermitPolicy {
        Objects.requireNonNull(lease, "lease");
        if (maxPerGroup < 1) {
            throw new IllegalArgumentException("maxPerGroup must be at least 1: " + maxPerGroup);
        }
        if (!(maxFleetPercent > 0 && maxFleetPercent <= 100)) {
            throw new IllegalArgumentException("maxFleetPercent must be in (0, 100]: " + maxFleetPercent);
        }
        if (fleetSize < 1) {
            throw new IllegalArgumentException("fleetSize must be at least 1: " + fleetSize);
        }
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
    }

    /** Permits the whole fleet may hold at once: floor(P % of the fleet), at least 1. */
    public int fleetCap() {
        return Math.max(1, (int) Math.floor(fleetSize * maxFleetPercent / 100.0 + 1e-9));
    }
}
