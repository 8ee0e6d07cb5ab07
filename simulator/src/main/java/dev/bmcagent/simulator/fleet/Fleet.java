package dev.bmcagent.simulator.fleet;

import dev.bmcagent.simulator.host.BootRecord;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * N simulated hosts on one {@link VirtualScheduler}, each with its own seed derived from the fleet seed and its own
 * BMC side from a {@link BmcFactory}. Single use: build, {@link #run}, inspect. Deterministic: the same config,
 * seed, scenario and (deterministic) BMC side give the same {@link FleetResult}.
 */
public final class Fleet {
    private final FleetConfig config;
    private final BmcFactory bmc;
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<SimulatedHost> hosts = new ArrayList<>();
    private final List<HostScenarioRun> runs = new ArrayList<>();
    private int remaining;
    private boolean ran;

    public Fleet(FleetConfig config, BmcFactory bmc) {
        this.config = Objects.requireNonNull(config, "config");
        this.bmc = Objects.requireNonNull(bmc, "bmc");
        SplittableRandom seeds = new SplittableRandom(config.seed());
        for (int i = 0; i < config.hosts(); i++) {
            hosts.add(new SimulatedHost(i, config.hostConfig().apply(i), seeds.nextLong(), scheduler));
        }
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    public List<SimulatedHost> hosts() {
        return List.copyOf(hosts);
    }

    /**
     * Attaches every host to its BMC side, runs {@code scenario} until every host finished or got stuck, and
     * summarises. Throws if a simulation task failed (a bug, not a host behaviour).
     */
    public FleetResult run(Scenario scenario) {
        return run(scenario, Progress.NONE);
    }

    /** Where a run reports how far it got: called on the simulation thread every {@link Progress#SLICE} of virtual time. */
    @FunctionalInterface
    public interface Progress {
        /** Virtual time between two reports. */
        Duration SLICE = Duration.ofMinutes(1);

        Progress NONE = (elapsed, done, total) -> {};

        void update(Duration virtualElapsed, int hostsDone, int hosts);
    }

    /** Same as {@link #run(Scenario)}, reporting progress to {@code progress}. */
    public FleetResult run(Scenario scenario, Progress progress) {
        if (ran) {
            throw new IllegalStateException("a Fleet runs once");
        }
        ran = true;
        SplittableRandom offsets = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        long spread = Math.max(1, config.powerOnSpread().toMillis());
        for (SimulatedHost host : hosts) {
            host.attach(bmc.attach(host, scheduler));
            HostScenarioRun run = new HostScenarioRun(host, scenario, config, bmc, this::hostDone);
            runs.add(run);
        }
        remaining = runs.size();
        for (HostScenarioRun run : runs) {
            run.start(Duration.ofMillis(offsets.nextLong(spread)));
        }
        Duration limit = config.powerOnSpread()
                .plus(config.stepTimeout()
                        .plus(config.settle())
                        .plus(Duration.ofHours(1))
                        .multipliedBy(scenario.steps().size()));
        java.time.Instant end = scheduler.now().plus(limit);
        while (remaining > 0 && scheduler.now().isBefore(end)) {
            java.time.Instant next = scheduler.now().plus(Progress.SLICE);
            scheduler.runUntil(next.isAfter(end) ? end : next);
            progress.update(scheduler.elapsed(), runs.size() - remaining, runs.size());
        }
        if (scheduler.failureCount() > 0) {
            throw new IllegalStateException(
                    scheduler.failureCount() + " simulation task(s) failed",
                    scheduler.failures().get(0));
        }
        return summarise(scenario);
    }

    /** Host {@code index}'s boots that count in the result (measured steps; empty before {@link #run}). */
    public List<BootRecord> measuredBoots(int index) {
        return runs.isEmpty() ? List.of() : runs.get(index).measuredBootRecords();
    }

    private void hostDone() {
        if (--remaining == 0) {
            scheduler.requestStop();
        }
    }

    private FleetResult summarise(Scenario scenario) {
        List<Duration> bootTimes = new ArrayList<>();
        List<Duration> cycles = new ArrayList<>();
        Duration dead = Duration.ZERO;
        Duration reapply = Duration.ZERO;
        int missing = 0;
        int finished = 0;
        int stuck = 0;
        long collisions = 0;
        long failedSpd = 0;
        for (int i = 0; i < hosts.size(); i++) {
            HostScenarioRun run = runs.get(i);
            SimulatedHost host = hosts.get(i);
            for (BootRecord r : run.measuredOsBoots()) {
                r.bootTime().ifPresent(bootTimes::add);
            }
            for (BootRecord r : run.measuredBootRecords()) {
                dead = dead.plus(r.deadInterfaceTime());
                reapply = reapply.plus(r.repeatedPostTime());
                if (r.missingDimms()) {
                    missing++;
                }
            }
            run.cycleTime().ifPresent(cycles::add);
            finished += run.finished() ? 1 : 0;
            stuck += run.stuck() ? 1 : 0;
            collisions += host.smbus().collisions();
            failedSpd += host.smbus().failedFirmwareReads();
        }
        return new FleetResult(
                scenario.name(),
                config.seed(),
                hosts.size(),
                finished,
                stuck,
                DurationStats.of(bootTimes),
                DurationStats.of(cycles),
                dead,
                reapply,
                missing,
                collisions,
                failedSpd,
                scheduler.elapsed(),
                scheduler.executed());
    }
}
