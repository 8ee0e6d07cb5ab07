package dev.bmcagent.simulator.rollout;

import dev.bmcagent.rollout.campaign.CampaignStatus;
import dev.bmcagent.rollout.campaign.WaveReport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a simulated campaign measured.
 *
 * @param settings          how it ran
 * @param status            the campaign's status at the end
 * @param totalTime         campaign start to the last host's OS on the targets (virtual)
 * @param peakInFlight      most hosts rebooting at any instant of virtual time
 * @param fleetCap          the cadence's cap (permits the fleet may hold at once); fleet size when uncoordinated
 * @param rebootsMin        fewest reboots of a started host (re-apply resets included)
 * @param rebootsMean       mean reboots per started host
 * @param rebootsMax        most reboots of a host
 * @param started           hosts the campaign started
 * @param notStarted        hosts never started because the campaign halted (or was aborted)
 * @param succeeded         hosts on the targets with the declared order
 * @param failed            hosts that failed a rule
 * @param onTargetsAndOrder hosts (of all) whose versions are the targets and whose first boot option matches the
 *                          declared order, checked on the hosts themselves at the end
 * @param permitsGranted    permits the coordinator granted (0 uncoordinated)
 * @param permitsExpired    leases that ended before release
 * @param waves             per-wave results
 * @param changes           every change of the in-flight count (for the chart)
 * @param events            scheduler events executed
 * @param wall              wall time of the whole run (bring-up included)
 */
public record CampaignResult(
        CampaignSettings settings,
        CampaignStatus status,
        Duration totalTime,
        int peakInFlight,
        int fleetCap,
        int rebootsMin,
        double rebootsMean,
        int rebootsMax,
        int started,
        int notStarted,
        int succeeded,
        int failed,
        int onTargetsAndOrder,
        long permitsGranted,
        long permitsExpired,
        List<WaveReport> waves,
        List<RebootTracker.Change> changes,
        long events,
        Duration wall) {
    public CampaignResult {
        waves = List.copyOf(waves);
        changes = List.copyOf(changes);
    }

    public String summary() {
        return String.format(
                Locale.ROOT,
                String.join(
                        "%n",
                        "%s campaign, %d hosts: %s after %s (virtual)",
                        "peak concurrent reboots %d (cap %d); reboots per host min %d, mean %.2f, max %d",
                        "hosts started %d, not started (halted) %d, succeeded %d, failed %d; on targets with the order %d",
                        "permits granted %d, expired %d; waves %d; %d events, wall %.1f s",
                        ""),
                settings.coordinated() ? "coordinated" : "uncoordinated",
                settings.hosts(),
                status,
                fmt(totalTime),
                peakInFlight,
                fleetCap,
                rebootsMin,
                rebootsMean,
                rebootsMax,
                started,
                notStarted,
                succeeded,
                failed,
                onTargetsAndOrder,
                permitsGranted,
                permitsExpired,
                waves.size(),
                events,
                wall.toMillis() / 1000.0);
    }

    static String fmt(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
