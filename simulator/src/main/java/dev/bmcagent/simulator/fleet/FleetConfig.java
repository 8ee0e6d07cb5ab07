package dev.bmcagent.simulator.fleet;

import dev.bmcagent.simulator.host.HostConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * How to build a fleet.
 *
 * @param hosts        number of hosts
 * @param seed         the one seed everything random derives from
 * @param hostConfig   configuration of host i
 * @param powerOnSpread hosts are powered on at a uniformly drawn offset within this window
 * @param settle       OS uptime before a host takes its next step
 * @param stepTimeout  a host that does not reach the OS within this time of a step's start is stuck
 */
public record FleetConfig(
        int hosts,
        long seed,
        IntFunction<HostConfig> hostConfig,
        Duration powerOnSpread,
        Duration settle,
        Duration stepTimeout) {
    public FleetConfig {
        Objects.requireNonNull(hostConfig, "hostConfig");
        Objects.requireNonNull(powerOnSpread, "powerOnSpread");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        if (hosts < 1) {
            throw new IllegalArgumentException("a fleet needs at least one host");
        }
        if (stepTimeout.isZero() || stepTimeout.isNegative()) {
            throw new IllegalArgumentException("step timeout must be positive");
        }
    }

    /** {@code hosts} identical hosts (each still with its own seed), no SMBus log, 30 s spread, 60 s settle, 3 h timeout. */
    public static FleetConfig uniform(int hosts, long seed, HostConfig config) {
        HostConfig quiet = config.toBuilder().smbusLog(false).build();
        return new FleetConfig(
                hosts, seed, i -> quiet, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofHours(3));
    }
}
