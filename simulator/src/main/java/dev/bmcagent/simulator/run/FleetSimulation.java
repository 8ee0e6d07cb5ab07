package dev.bmcagent.simulator.run;

import dev.bmcagent.simulator.bmc.AgentBmcFactory;
import dev.bmcagent.simulator.firmware.BiosUpdateEffect;
import dev.bmcagent.simulator.fleet.Fleet;
import dev.bmcagent.simulator.fleet.FleetConfig;
import dev.bmcagent.simulator.fleet.FleetResult;
import dev.bmcagent.simulator.fleet.Scenario;
import dev.bmcagent.simulator.host.BootRecord;
import dev.bmcagent.simulator.host.FaultFlag;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.netboot.NetbootProfile;
import dev.bmcagent.simulator.report.HostResult;
import dev.bmcagent.simulator.report.HostSideCounts;
import dev.bmcagent.simulator.report.RunFlags;
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
    /** Host whose boots the report's timeline shows unless the request names another. */
    public static final int SAMPLE_HOST = 0;

    private FleetSimulation() {}

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
                .bootList(NetbootProfile.bootList(s.profile()))
                .nics(request.nics())
                .biosUpdateEffect(request.biosUpdate())
                .forcedPriority(s.forcePriority())
                .build();
        AgentBmcFactory bmc = new AgentBmcFactory(request.bmc()).retainHistoryOf(request.sampleHost());
        Fleet fleet = new Fleet(FleetConfig.uniform(s.hosts(), s.seed(), host), bmc);
        bmc.prepare(fleet.hosts(), fleet.scheduler());
        for (SimulatedHost h : fleet.hosts()) {
            h.faults().bootOrderWriteLost(request.bootOrderWriteLost());
            request.brokenSensor().ifPresent(name -> h.faults().breakSensor(name, true));
        }
        for (FaultFlag f : request.faults()) {
            f.check(s.hosts(), host, fleet.hosts().get(0).fans().fanCount());
            fleet.hosts().stream().filter(h -> f.appliesTo(h.index())).forEach(f::applyTo);
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
        var hostCounts = HostSideCounts.count(
                fleet.hosts(),
                request.bmc().policy(),
                s.declaredOrder(),
                fleet.scheduler().now());
        List<HostResult> hosts = new ArrayList<>();
        for (int i = 0; i < s.hosts(); i++) {
            int index = i;
            List<String> faults = request.faults().stream()
                    .filter(f -> f.appliesTo(index))
                    .map(FaultFlag::toString)
                    .toList();
            hosts.add(HostResult.of(i, faults, fleet.measuredBoots(i)));
        }
        RunFlags flags = new RunFlags(
                request.nics(),
                request.biosUpdate() == BiosUpdateEffect.RESET_TO_DEFAULTS ? "reset" : "refresh",
                request.bootOrderWriteLost(),
                request.brokenSensor(),
                request.bmc().sensorPoll(),
                request.faults().stream().map(FaultFlag::toString).toList());
        int sample = request.sampleHost();
        List<SimulationReport.AlertMark> alerts = bmc.alerts().stream()
                .map(a -> new SimulationReport.AlertMark(
                        a.alert()
                                .kind()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'),
                        a.at()))
                .toList();
        return new SimulationReport(
                s,
                result,
                bmc.counts(),
                hostCounts,
                bootTimes,
                measured,
                sample,
                fleet.measuredBoots(sample),
                wall,
                flags,
                hosts,
                alerts);
    }
}
