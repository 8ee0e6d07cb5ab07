package dev.bmcagent.simulator.fleet;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.simulator.host.BootRecord;
import dev.bmcagent.simulator.host.SimulatedHost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Drives one host through a scenario's steps and keeps what it needs for the result. Simulation thread only. */
final class HostScenarioRun {
    private final SimulatedHost host;
    private final Scenario scenario;
    private final FleetConfig config;
    private final BmcFactory bmc;
    private final Scheduler scheduler;
    private final Runnable onDone;
    private final List<BootRecord> measuredBoots = new ArrayList<>();
    private int step = -1;
    private Instant cycleStart;
    private Instant cycleEnd;
    private boolean done;
    private boolean stuck;
    private Scheduler.Cancellable timeout = () -> {};

    HostScenarioRun(SimulatedHost host, Scenario scenario, FleetConfig config, BmcFactory bmc, Runnable onDone) {
        this.host = host;
        this.scenario = scenario;
        this.config = config;
        this.bmc = bmc;
        this.scheduler = host.scheduler();
        this.onDone = onDone;
        host.onOsRunning(this::osRunning);
    }

    void start(Duration offset) {
        scheduler.schedule(offset, this::nextStep);
    }

    private void nextStep() {
        step++;
        if (step == scenario.steps().size()) {
            finish(false);
            return;
        }
        Scenario.Step s = scenario.steps().get(step);
        Instant now = scheduler.clock().instant();
        if (s.measured() && cycleStart == null) {
            cycleStart = now;
        }
        int thisStep = step;
        timeout.cancel();
        timeout = scheduler.schedule(config.stepTimeout(), () -> {
            if (step == thisStep && !done) {
                finish(true);
            }
        });
        if (s instanceof Scenario.PowerOn) {
            host.powerOn();
        } else if (s instanceof Scenario.Reboot) {
            host.reboot();
        } else if (s instanceof Scenario.FlashAndReboot f) {

            scheduler.schedule(f.flashTime(), () -> {
                host.flash(f.component());
                if (f.component() == dev.bmcagent.simulator.firmware.FirmwareComponent.BMC) {
                    bmc.bmcFirmwareUpdated(host);
                }
                host.reboot();
            });
        }
    }

    private void osRunning(BootRecord record) {
        if (done || step < 0) {
            return;
        }
        if (scenario.steps().get(step).measured()) {
            measuredBoots.add(record);
            cycleEnd = record.osRunning().orElseThrow();
        }
        scheduler.schedule(config.settle(), this::nextStep);
    }

    private void finish(boolean isStuck) {
        done = true;
        stuck = isStuck;
        timeout.cancel();
        onDone.run();
    }

    boolean stuck() {
        return stuck;
    }

    boolean finished() {
        return done && !stuck;
    }

    /** Boots that ran (to the OS or not, including one still hung) from the cycle start on. */
    List<BootRecord> measuredBootRecords() {
        if (cycleStart == null) {
            return List.of();
        }
        List<BootRecord> out = new ArrayList<>();
        List<BootRecord> all = new ArrayList<>(host.boots());
        host.currentBoot().ifPresent(all::add);
        for (BootRecord r : all) {
            if (!r.start().isBefore(cycleStart)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Boots that reached the OS in measured steps. */
    List<BootRecord> measuredOsBoots() {
        return List.copyOf(measuredBoots);
    }

    Optional<Duration> cycleTime() {
        return finished() && cycleStart != null && cycleEnd != null
                ? Optional.of(Duration.between(cycleStart, cycleEnd))
                : Optional.empty();
    }
}
