package dev.bmcagent.simulator.fleet;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a fleet run measured, computed from the hosts' own records.
 *
 * @param scenario              scenario name
 * @param seed                  the fleet seed
 * @param hosts                 hosts simulated
 * @param finishedHosts         hosts that completed every step
 * @param stuckHosts            hosts that did not reach the OS within a step's timeout
 * @param bootTime              per measured boot: reset/power-on to OS running
 * @param cycleTime             per host: start of its first measured step to the OS after its last step
 * @param deadInterfaceTime     total time measured boots lost on network interfaces that could not boot
 * @param reapplyTime           total POST time repeated because the BMC reset a host to re-apply its boot order
 * @param bootsWithMissingDimms measured boots that came up with fewer DIMMs than installed
 * @param smbusCollisions       overlapping firmware/BMC SMBus transaction pairs (all boots)
 * @param failedSpdReads        SPD reads corrupted by a collision (all boots)
 * @param virtualTime           virtual time the run took
 * @param events                scheduler events executed
 */
public record FleetResult(
        String scenario,
        long seed,
        int hosts,
        int finishedHosts,
        int stuckHosts,
        DurationStats bootTime,
        DurationStats cycleTime,
        Duration deadInterfaceTime,
        Duration reapplyTime,
        int bootsWithMissingDimms,
        long smbusCollisions,
        long failedSpdReads,
        Duration virtualTime,
        long events) {
    public FleetResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(bootTime, "bootTime");
        Objects.requireNonNull(cycleTime, "cycleTime");
        Objects.requireNonNull(deadInterfaceTime, "deadInterfaceTime");
        Objects.requireNonNull(reapplyTime, "reapplyTime");
        Objects.requireNonNull(virtualTime, "virtualTime");
    }

    /** A human-readable summary, one fact per line. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                String.join(
                        "%n",
                        "scenario %s, seed %d, %d hosts: %d finished, %d stuck",
                        "per boot  : %s",
                        "per cycle : %s",
                        "time lost to dead interfaces: %s (%s per measured boot)",
                        "POST repeated to re-apply the boot order: %s",
                        "boots with missing DIMMs: %d",
                        "SMBus collisions: %d (SPD reads corrupted: %d)",
                        "virtual time %s, %d events"),
                scenario,
                seed,
                hosts,
                finishedHosts,
                stuckHosts,
                bootTime,
                cycleTime,
                DurationStats.fmt(deadInterfaceTime),
                DurationStats.fmt(
                        bootTime.count() == 0 ? Duration.ZERO : deadInterfaceTime.dividedBy(bootTime.count())),
                DurationStats.fmt(reapplyTime),
                bootsWithMissingDimms,
                smbusCollisions,
                failedSpdReads,
                DurationStats.fmt(virtualTime),
                events);
    }
}
