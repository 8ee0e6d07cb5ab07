package dev.bmcagent.simulator.run;

import dev.bmcagent.simulator.bmc.AgentBmcFactory;
import dev.bmcagent.simulator.fleet.Fleet;
import dev.bmcagent.simulator.fleet.FleetConfig;
import dev.bmcagent.simulator.fleet.FleetResult;
import dev.bmcagent.simulator.fleet.Scenario;
import dev.bmcagent.simulator.host.BootRecord;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.netboot.NetbootProfile;
import dev.bmcagent.simulator.report.HostSideCounts;
import dev.bmcagent.simulator.report.SimulationReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Fleet mode end to end: builds the hosts, one real agent core per host ({@link AgentBmcFactory}), runs the
 * scenario on the virtual clock and computes the {@link SimulationReport}. Deterministic for a request.
 */
public final class FleetSimulation {
    /** Host whose boots the report's timeline shows. */
    public static final int SAMPLE_HOST = 0;

    private FleetSimulation() {
    }

    /**
     * Runs one fleet simulation to the end and reports it.
     *
     * @param progress  progress reports (simulation thread)
     * @param nanoTime  a monotonic nanosecond source, only to report the wall time the run took
     */
    public static SimulationReport run(SimulationRequest request, Fleet.Progress progress, LongSupplier nanoTime) {
        var s = request.settings();
        HostConfig host = HostConfig.builder()
                .netboot(NetbootProfile.named(s.profile()))
                .nics(request.nics())
                .biosUpdateEffect(request.biosUpdate())
                .forcedPriority(s.forcePriority())
                .build();
        AgentBmcFactory bmc = new AgentBmcFactory(request.bmc());
        Fleet fleet = new Fleet(FleetConfig.uniform(s.hosts(), s.seed(), host), bmc);
        bmc.prepare(fleet.hosts(), fleet.scheduler());
        for (SimulatedHost h : fleet.hosts()) {
            h.faults().bootOrderWriteLost(request.bootOrderWriteLost());
            request.brokenSensor().ifPresent(name -> h.faults().breakSensor(name, true));
        }
        long start = nanoTime.getAsLong();
        FleetResult result = fleet.run(Scenario.named(s.scenario(), s.upgrades()), progress);
        Duration wall = Duration.ofNanos(nanoTime.getAsLong() - start);
        List<Duration> bootTimes = new ArrayList<>();
        int measured = 0;
        for (int i = 0; i < s.hosts(); i++) {
            for (BootRecord r : fleet.measuredBoots(i)) {
                measured++;
                r.bootTime().ifPresent(bootTimes::add);
            }
        }
        var hostCounts = HostSideCounts.count(fleet.hosts(), request.bmc().policy(), s.declaredOrder(),
                fleet.scheduler().now());
        return new SimulationReport(s, result, bmc.counts(), hostCounts, bootTimes, measured, SAMPLE_HOST,
                fleet.measuredBoots(SAMPLE_HOST), wall);
    }
}
