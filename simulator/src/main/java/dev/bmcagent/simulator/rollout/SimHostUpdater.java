package dev.bmcagent.simulator.rollout;

import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.core.host.Hosts;
import dev.bmcagent.core.reboot.RebootPermits;
import dev.bmcagent.core.reboot.RebootRequest;
import dev.bmcagent.rollout.campaign.CampaignSpec;
import dev.bmcagent.rollout.campaign.HostOutcome;
import dev.bmcagent.rollout.campaign.HostUpdater;
import dev.bmcagent.simulator.bmc.AgentBmcFactory;
import dev.bmcagent.simulator.firmware.FirmwareComponent;
import dev.bmcagent.simulator.host.BootRecord;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A campaign's {@link HostUpdater} over simulated hosts: for each component not on its target (BIOS, BMC, NIC in
 * that order) the OS flashes the image ({@code flashTime}, no permit needed: the host keeps running), then asks for
 * a reboot permit, reboots, and once the OS runs again the component is on its target and the permit is returned;
 * after {@code settle} the next component. The agent's own boot-order re-apply during that boot asks the same
 * coordinator and, as the host already holds the permit, gets it at once. The outcome: a boot with missing DIMMs,
 * the agent's boot-order alarm, no OS within {@code rebootDeadline} of a reboot, or versions not on the targets
 * fail the host; otherwise it succeeded. (The campaign's own host deadline bounds the whole host, permit waits
 * included.)
 */
final class SimHostUpdater implements HostUpdater {
    private static final Map<FirmwareComponent, Duration> FLASH = Map.of(
            FirmwareComponent.BIOS,
            Duration.ofSeconds(120),
            FirmwareComponent.BMC,
            Duration.ofSeconds(240),
            FirmwareComponent.NIC,
            Duration.ofSeconds(60));

    private final List<SimulatedHost> hosts;
    private final AgentBmcFactory bmc;
    private final Supplier<RebootPermits> permits;
    private final SimFirmwareVersions versions;
    private final RebootTracker tracker;
    private final VirtualScheduler scheduler;
    private final Duration settle;
    private final Duration rebootDeadline;
    private final Job[] jobs;
    private int heldAnswers;
    private boolean tracking;

    SimHostUpdater(
            List<SimulatedHost> hosts,
            AgentBmcFactory bmc,
            Supplier<RebootPermits> permits,
            SimFirmwareVersions versions,
            RebootTracker tracker,
            VirtualScheduler scheduler,
            Duration settle,
            Duration rebootDeadline) {
        this.rebootDeadline = rebootDeadline;
        this.hosts = hosts;
        this.bmc = bmc;
        this.permits = permits;
        this.versions = versions;
        this.tracker = tracker;
        this.scheduler = scheduler;
        this.settle = settle;
        this.jobs = new Job[hosts.size()];
        for (SimulatedHost h : hosts) {
            h.onOsRunning(r -> osRunning(h.index(), r));
        }
    }

    @Override
    public void update(String hostId, CampaignSpec spec, Consumer<HostOutcome> done) {
        int i = Hosts.index(hostId);
        Deque<FirmwareComponent> todo = new ArrayDeque<>();
        for (FirmwareComponent c : FirmwareComponent.values()) {
            String target = spec.targets().get(c.name());
            if (target != null && !target.equals(versions.version(i, c))) {
                todo.add(c);
            }
        }
        Job job = new Job(i, hostId, spec, todo, done);
        jobs[i] = job;
        job.next();
    }

    /** From now on, OS starts of hosts no reboot was issued for are counted as the hosts' own reboots. */
    void track() {
        tracking = true;
    }

    /** Permit answers that said HOLD (the step was not rebooted). */
    int heldAnswers() {
        return heldAnswers;
    }

    private void osRunning(int i, BootRecord record) {
        long now = nanos();
        if (tracking && !tracker.inFlight(i)) {
            // nobody we know issued this reboot (a panic, the OS's own reboot): never blocked, only counted
            permits.get().observedReboot(Hosts.hostId(i));
        }
        tracker.end(i, now);
        permits.get().release(Hosts.hostId(i));
        Job job = jobs[i];
        if (job != null) {
            job.osRunning(record);
        }
    }

    private long nanos() {
        return scheduler.elapsed().toNanos();
    }

    private final class Job {
        private final int index;
        private final String hostId;
        private final CampaignSpec spec;
        private final Deque<FirmwareComponent> todo;
        private final Consumer<HostOutcome> done;
        private FirmwareComponent rebooting;
        private boolean over;

        Job(int index, String hostId, CampaignSpec spec, Deque<FirmwareComponent> todo, Consumer<HostOutcome> done) {
            this.index = index;
            this.hostId = hostId;
            this.spec = spec;
            this.todo = todo;
            this.done = done;
        }

        void next() {
            FirmwareComponent c = todo.poll();
            if (c == null) {
                finish(HostOutcome.ok(hostId));
                return;
            }
            scheduler.schedule(FLASH.get(c), () -> {
                SimulatedHost host = hosts.get(index);
                host.flash(c);
                permits.get().request(new RebootRequest(hostId, "firmware " + c), answer -> {
                    if (!answer.mayReboot()) {
                        heldAnswers++;
                        finish(HostOutcome.failed(hostId, HostOutcome.Failure.DEADLINE, answer.detail()));
                        return;
                    }
                    rebooting = c;
                    tracker.begin(index, nanos());
                    host.reboot();
                    FirmwareComponent step = c;
                    scheduler.schedule(rebootDeadline, () -> {
                        if (!over && rebooting == step) {
                            finish(HostOutcome.failed(
                                    hostId,
                                    HostOutcome.Failure.DEADLINE,
                                    "no OS within " + rebootDeadline + " of the " + step + " reboot"));
                        }
                    });
                });
            });
        }

        void osRunning(BootRecord record) {
            if (over || rebooting == null) {
                return;
            }
            versions.set(index, rebooting, spec.targets().get(rebooting.name()));
            rebooting = null;
            if (record.missingDimms()) {
                finish(HostOutcome.failed(
                        hostId,
                        HostOutcome.Failure.MISSING_DIMM,
                        record.dimmsDetected() + " of " + record.dimmsInstalled() + " DIMMs"));
            } else if (bmc.node(index).state().alerts().containsKey(AlertKind.BOOT_ORDER)) {
                finish(HostOutcome.failed(
                        hostId,
                        HostOutcome.Failure.BOOT_ORDER_ALARM,
                        bmc.node(index)
                                .state()
                                .alerts()
                                .get(AlertKind.BOOT_ORDER)
                                .toString()));
            } else {
                scheduler.schedule(settle, this::next);
            }
        }

        private void finish(HostOutcome outcome) {
            if (over) {
                return;
            }
            over = true;
            jobs[index] = null;
            done.accept(
                    outcome.ok() && !versions.onTargets(hostId, spec.targets())
                            ? HostOutcome.failed(
                                    hostId,
                                    HostOutcome.Failure.WRONG_VERSION,
                                    versions.versions(hostId).toString())
                            : outcome);
        }
    }
}
