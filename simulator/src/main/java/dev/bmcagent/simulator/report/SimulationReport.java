package dev.bmcagent.simulator.report;

import dev.bmcagent.simulator.bmc.AgentEventTally;
import dev.bmcagent.simulator.fleet.FleetResult;
import dev.bmcagent.simulator.host.BootRecord;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code bmc simulate} prints and writes, computed once.
 *
 * @param settings    what was asked
 * @param fleet       the fleet result (timings, dead-interface time, DIMMs, SMBus)
 * @param agent       counts from the agent's events
 * @param host        the same counts from the hosts' own records ({@link HostSideCounts})
 * @param bootTimes   every measured boot's power-on/reset to OS time (for the histogram)
 * @param measuredBoots boots counted in the result (to the OS or not)
 * @param sampleHost  index of the host whose timeline is drawn
 * @param sampleBoots that host's measured boots
 * @param wallTime    real time the simulation took
 * @param flags       the run's host-shaping flags (NICs, BIOS update effect, faults...)
 * @param hostResults every host's results, by index
 * @param sampleAlerts the alerts the agent raised for the sample host (kind, when), oldest first
 */
public record SimulationReport(
        SimulationSettings settings,
        FleetResult fleet,
        AgentEventTally.Counts agent,
        AgentEventTally.Counts host,
        List<Duration> bootTimes,
        int measuredBoots,
        int sampleHost,
        List<BootRecord> sampleBoots,
        Duration wallTime,
        RunFlags flags,
        List<HostResult> hostResults,
        List<AlertMark> sampleAlerts) {
    public SimulationReport {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(host, "host");
        bootTimes = List.copyOf(bootTimes);
        sampleBoots = List.copyOf(sampleBoots);
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(flags, "flags");
        hostResults = List.copyOf(hostResults);
        sampleAlerts = List.copyOf(sampleAlerts);
    }

    /** An alert raised for the sample host: its wire name (e.g. slow-boot) and when. */
    public record AlertMark(String kind, java.time.Instant at) {
        public AlertMark {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Dead-interface time per boot that reached the OS. */
    public Duration deadPerBoot() {
        return fleet.bootTime().count() == 0
                ? Duration.ZERO
                : fleet.deadInterfaceTime().dividedBy(fleet.bootTime().count());
    }

    /** Dead-interface time per host (per scenario cycle). */
    public Duration deadPerCycle() {
        return fleet.deadInterfaceTime().dividedBy(fleet.hosts());
    }

    /** POST time repeated to re-apply the declared boot order, per host (per scenario cycle). */
    public Duration reapplyPerCycle() {
        return fleet.reapplyTime().dividedBy(fleet.hosts());
    }

    /**
     * All boot time the network-boot order cost per host (per scenario cycle): dead interfaces plus the POSTs
     * repeated to re-apply the declared order. The figure the field's "~3 min per cycle" compares with.
     */
    public Duration lostPerCycle() {
        return deadPerCycle().plus(reapplyPerCycle());
    }

    /** Share of measured boots that came up with missing DIMMs, percent. */
    public double missingDimmPercent() {
        return measuredBoots == 0 ? 0 : 100.0 * fleet.bootsWithMissingDimms() / measuredBoots;
    }

    /** Whether the agent's counts equal the hosts'. */
    public boolean sidesAgree() {
        return agent.equals(host);
    }
}
