package dev.bmcagent.simulator.rollout;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A simulated campaign.
 *
 * @param hosts          fleet size
 * @param seed           fleet seed
 * @param coordinated    true: reboots under the permit coordinator and waves; false: every host at once, no permits
 * @param fleetPercent   cadence: at most this % of the fleet holds a reboot permit
 * @param rackSize       hosts per rack (the permit group)
 * @param maxPerRack     at most this many permits per rack
 * @param canary         first wave
 * @param growth         wave growth factor
 * @param maxWave        largest wave
 * @param haltRate       a wave failing above this rate halts the campaign
 * @param hostDeadline   a host not done within this of its wave's start (permit waits included) fails
 * @param rebootDeadline a host whose OS does not run within this of a reboot fails (DEADLINE)
 * @param lease          permit lease
 * @param failingHosts   hosts whose boot-order writes are lost during the campaign (injected failure)
 * @param sensorPoll     agent sensor poll period (fleet-scale runs use a long one: it only costs events)
 * @param tick           agent lifecycle tick period
 */
public record CampaignSettings(
        int hosts,
        long seed,
        boolean coordinated,
        double fleetPercent,
        int rackSize,
        int maxPerRack,
        int canary,
        double growth,
        int maxWave,
        double haltRate,
        Duration hostDeadline,
        Duration rebootDeadline,
        Duration lease,
        Set<Integer> failingHosts,
        Duration sensorPoll,
        Duration tick) {
    public CampaignSettings {
        failingHosts = Set.copyOf(failingHosts);
        Objects.requireNonNull(hostDeadline, "hostDeadline");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(rebootDeadline, "rebootDeadline");
        Objects.requireNonNull(sensorPoll, "sensorPoll");
        Objects.requireNonNull(tick, "tick");
        if (hosts < 1) {
            throw new IllegalArgumentException("hosts must be at least 1");
        }
    }

    /**
     * The acceptance run's shape: 5 %, racks of 40 with at most 8 each, canary 20 growing ×4 up to 5,000 (fewer
     * waves, fewer wave tails in which permits sit idle); a host
     * fails after 30 min without its OS after a reboot; 1 h leases. The agents poll sensors every 10 min and tick (stuck
     * detection, fan loop) every 5 min: at 10,000 hosts over hours of virtual time these periodic tasks are most of
     * the events, and neither the reboots nor the boot-order re-apply (driven by the host's POST report) depend on
     * them; stuck detection still works, at 5-min granularity.
     */
    public static CampaignSettings defaults(int hosts, boolean coordinated) {
        return new CampaignSettings(
                hosts,
                1,
                coordinated,
                5.0,
                40,
                8,
                Math.min(20, hosts),
                4.0,
                Math.max(Math.min(20, hosts), 5000),
                0.2,
                Duration.ofHours(24),
                Duration.ofMinutes(30),
                Duration.ofHours(1),
                Set.of(),
                Duration.ofMinutes(10),
                Duration.ofMinutes(5));
    }

    public CampaignSettings withFailingHosts(Set<Integer> v) {
        return new CampaignSettings(
                hosts,
                seed,
                coordinated,
                fleetPercent,
                rackSize,
                maxPerRack,
                canary,
                growth,
                maxWave,
                haltRate,
                hostDeadline,
                rebootDeadline,
                lease,
                v,
                sensorPoll,
                tick);
    }

    public CampaignSettings withCoordinated(boolean v) {
        return new CampaignSettings(
                hosts,
                seed,
                v,
                fleetPercent,
                rackSize,
                maxPerRack,
                canary,
                growth,
                maxWave,
                haltRate,
                hostDeadline,
                rebootDeadline,
                lease,
                failingHosts,
                sensorPoll,
                tick);
    }

    public CampaignSettings withFleetPercent(double v) {
        return new CampaignSettings(
                hosts,
                seed,
                coordinated,
                v,
                rackSize,
                maxPerRack,
                canary,
                growth,
                maxWave,
                haltRate,
                hostDeadline,
                rebootDeadline,
                lease,
                failingHosts,
                sensorPoll,
                tick);
    }
}
