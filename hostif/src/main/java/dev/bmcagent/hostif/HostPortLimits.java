package dev.bmcagent.hostif;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one host-interface connection (docs/SECURITY.md "Every limit").
 *
 * @param idleTimeout    after this long without a frame from the host the BMC probes the link with {@code FF 01 A1}
 *                       (VM_CMD_VERSION, a no-op for QEMU); a write that fails closes the link. A new connection from
 *                       an allowed peer may replace a link silent this long, only if the probe kills it
 * @param probeWait      how long a new connection waits for the probe of a silent link to fail before it is refused
 * @param writeLowWater  unwritten output below which reading from the host resumes (bytes)
 * @param writeHighWater unwritten output above which the BMC stops reading from the host (bytes): a peer that writes
 *                       and never reads cannot grow the agent's memory
 * @param unreadDeadline a peer whose output stays above the high-water mark this long is disconnected
 * @param maxInFlight    requests of one connection dispatched and not yet answered; above it the BMC stops reading,
 *                       and frames already read are answered C0h (node busy). A KCS host has one outstanding request
 */
record HostPortLimits(
        Duration idleTimeout,
        Duration probeWait,
        int writeLowWater,
        int writeHighWater,
        Duration unreadDeadline,
        int maxInFlight) {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PROBE_WAIT = Duration.ofSeconds(2);
    public static final int DEFAULT_WRITE_LOW_WATER = 32 * 1024;
    public static final int DEFAULT_WRITE_HIGH_WATER = 64 * 1024;
    public static final Duration DEFAULT_UNREAD_DEADLINE = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_IN_FLIGHT = 16;

    public HostPortLimits {
        positive("idleTimeout", idleTimeout);
        positive("probeWait", probeWait);
        positive("unreadDeadline", unreadDeadline);
        if (writeLowWater < 1 || writeHighWater < writeLowWater) {
            throw new IllegalArgumentException(
                    "need 1 <= writeLowWater <= writeHighWater: " + writeLowWater + ", " + writeHighWater);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1: " + maxInFlight);
        }
    }

    public static HostPortLimits defaults() {
        return new HostPortLimits(
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_PROBE_WAIT,
                DEFAULT_WRITE_LOW_WATER,
                DEFAULT_WRITE_HIGH_WATER,
                DEFAULT_UNREAD_DEADLINE,
                DEFAULT_MAX_IN_FLIGHT);
    }

    public HostPortLimits withIdleTimeout(Duration d) {
        return new HostPortLimits(d, probeWait, writeLowWater, writeHighWater, unreadDeadline, maxInFlight);
    }

    public HostPortLimits withUnreadDeadline(Duration d) {
        return new HostPortLimits(idleTimeout, probeWait, writeLowWater, writeHighWater, d, maxInFlight);
    }

    public HostPortLimits withWriteWaterMarks(int low, int high) {
        return new HostPortLimits(idleTimeout, probeWait, low, high, unreadDeadline, maxInFlight);
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
