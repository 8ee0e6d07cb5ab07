package dev.bmcagent.simulator.rollout;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.acpi.lifecycle.LifecyclePolicy;
import dev.bmcagent.core.host.Hosts;
import dev.bmcagent.core.reboot.PermitGatedPowerPort;
import dev.bmcagent.core.reboot.RebootPermits;
import dev.bmcagent.rollout.campaign.CampaignRunner;
import dev.bmcagent.rollout.campaign.CampaignSpec;
import dev.bmcagent.rollout.campaign.CampaignState;
import dev.bmcagent.rollout.campaign.CampaignStatus;
import dev.bmcagent.rollout.permit.Grant;
import dev.bmcagent.rollout.permit.PermitCoordinator;
import dev.bmcagent.rollout.permit.PermitPolicy;
import dev.bmcagent.simulator.bmc.AgentBmcFactory;
import dev.bmcagent.simulator.bmc.AgentBmcOptions;
import dev.bmcagent.simulator.firmware.BiosUpdateEffect;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.host.HostPowerState;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.netboot.DeclaredOrder;
import dev.bmcagent.simulator.netboot.NetbootProfile;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A firmware campaign (BIOS, BMC and NIC to new versions; the BIOS update resets the boot order to vendor defaults,
 * so the agent must re-apply the declared order and reboot) on a fleet of simulated hosts, each with a real agent
 * core, on the virtual clock. Coordinated: the rollout module's {@link CampaignRunner} runs the waves and its
 * {@link PermitCoordinator} paces every reboot (the campaign's and the agents' own re-apply reboots, through the
 * agent's {@link PermitGatedPowerPort}); uncoordinated: every host at once with the agents' local policy
 * ({@link RebootPermits#PROCEED}), as before permits existed. Before the campaign the fleet is brought up (powered
 * on within 30 s, declared order applied) without permits; what is measured starts with the campaign.
 */
public final class CampaignSimulation {
    /** The versions every host starts on and the campaign's targets. */
    public static final String OLD = "1.0";

    public static final Map<String, String> TARGETS = Map.of("BIOS", "2.0", "BMC", "2.0", "NIC", "2.0");
    private static final Duration SLICE = Duration.ofMinutes(1);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final CampaignSettings settings;
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<SimulatedHost> hosts = new ArrayList<>();
    private final AgentBmcFactory bmc;
    private final SimFirmwareVersions versions;
    private final RebootTracker tracker;
    private final SimHostUpdater updater;
    private final List<CampaignState> states = new ArrayList<>();
    private final PermitCoordinator coordinator;
    private volatile RebootPermits permits = RebootPermits.PROCEED;
    private boolean tracking;
    private CampaignRunner runner;
    private Instant campaignStart;
    private Instant lastOs;

    public CampaignSimulation(CampaignSettings settings) {
        this.settings = settings;
        HostConfig config = HostConfig.builder()
                .netboot(NetbootProfile.VENDOR)
                .biosUpdateEffect(BiosUpdateEffect.RESET_TO_DEFAULTS)
                .smbusLog(false)
                .build();
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        for (int i = 0; i < settings.hosts(); i++) {
            hosts.add(new SimulatedHost(i, config, seeds.nextLong(), scheduler));
        }
        versions = new SimFirmwareVersions(settings.hosts(), OLD);
        tracker = new RebootTracker(settings.hosts(), i -> runner == null ? -1 : runner.waveOf(Hosts.hostId(i)));
        AgentBmcOptions options = AgentBmcOptions.defaults()
                .withDeclaredOrder(AgentBmcOptions.DECLARED_HTTPS_IPV6)
                .withSensorPoll(settings.sensorPoll());
        options = new AgentBmcOptions(
                options.gating(),
                options.fanPolicy(),
                options.declaredOrder(),
                LifecyclePolicy.defaults(),
                options.sensorPoll(),
                settings.tick());
        RebootPermits gate = new RebootPermits() {
            @Override
            public void request(
                    dev.bmcagent.core.reboot.RebootRequest r,
                    java.util.function.Consumer<dev.bmcagent.core.reboot.PermitAnswer> a) {
                permits.request(r, a);
            }

            @Override
            public void release(String hostId) {
                permits.release(hostId);
            }
        };
        bmc = new AgentBmcFactory(
                options,
                (host, port) -> new PermitGatedPowerPort(
                        Hosts.hostId(host.index()),
                        action -> {
                            if (tracking && REBOOTS.contains(action)) {
                                tracker.begin(host.index(), scheduler.elapsed().toNanos());
                            }
                            port.perform(action);
                        },
                        gate,
                        answer -> {}));
        coordinator = new PermitCoordinator(
                new PermitPolicy(settings.maxPerRack(), settings.fleetPercent(), settings.hosts(), settings.lease()),
                this::rackOf,
                scheduler,
                NO_LISTENER);
        updater = new SimHostUpdater(
                hosts, bmc, () -> permits, versions, tracker, scheduler, SETTLE, settings.rebootDeadline());
        for (SimulatedHost h : hosts) {
            h.onOsRunning(r -> lastOs = scheduler.now());
        }
    }

    private static final EnumSet<PowerAction> REBOOTS =
            EnumSet.of(PowerAction.WARM_RESET, PowerAction.HARD_RESET, PowerAction.POWER_CYCLE);

    private static final PermitCoordinator.Listener NO_LISTENER = new PermitCoordinator.Listener() {
        @Override
        public void granted(Grant grant) {}

        @Override
        public void returned(Grant grant, boolean expired) {}
    };

    private String rackOf(String hostId) {
        return "rack" + Hosts.index(hostId) / settings.rackSize();
    }

    /** Powers the fleet on (within 30 s) and runs until every host runs its OS with the declared order applied. */
    public void bringUp() {
        bmc.prepare(hosts, scheduler);
        SplittableRandom offsets = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        for (SimulatedHost h : hosts) {
            h.attach(bmc.attach(h, scheduler));
            scheduler.schedule(Duration.ofMillis(offsets.nextLong(30_000)), h::powerOn);
        }
        Instant limit = scheduler.now().plus(Duration.ofHours(2));
        while (scheduler.now().isBefore(limit)
                && !(allInOs() && lastOs != null && !scheduler.now().isBefore(lastOs.plus(SETTLE)))) {
            scheduler.runUntil(scheduler.now().plus(SLICE));
        }
        if (!allInOs()) {
            throw new IllegalStateException("fleet did not come up within 2 h");
        }
    }

    private boolean allInOs() {
        for (SimulatedHost h : hosts) {
            if (h.state() != HostPowerState.OS) {
                return false;
            }
        }
        return true;
    }

    /** Starts the campaign (injects the settings' failing hosts first). */
    public void startCampaign() {
        for (int i : settings.failingHosts()) {
            hosts.get(i).faults().bootOrderWriteLost(true);
        }
        campaignStart = scheduler.now();
        tracking = true;
        updater.track();
        permits = settings.coordinated() ? coordinator : RebootPermits.PROCEED;
        int n = settings.hosts();
        int canary = settings.coordinated() ? settings.canary() : n;
        int maxWave = settings.coordinated() ? Math.max(settings.maxWave(), canary) : n;
        runner = new CampaignRunner(
                new CampaignSpec(
                        "sim",
                        rolloutOrder(),
                        TARGETS,
                        AgentBmcOptions.DECLARED_HTTPS_IPV6,
                        canary,
                        settings.coordinated() ? settings.growth() : 1.0,
                        maxWave,
                        settings.haltRate(),
                        settings.hostDeadline()),
                updater,
                versions,
                scheduler,
                states::add);
        runner.start();
    }

    /** Hosts in rollout order: round-robin over racks, so every wave spreads over the racks. */
    private List<String> rolloutOrder() {
        int racks = (settings.hosts() + settings.rackSize() - 1) / settings.rackSize();
        List<String> order = new ArrayList<>(settings.hosts());
        for (int slot = 0; slot < settings.rackSize(); slot++) {
            for (int rack = 0; rack < racks; rack++) {
                int i = rack * settings.rackSize() + slot;
                if (i < settings.hosts()) {
                    order.add(Hosts.hostId(i));
                }
            }
        }
        return order;
    }

    /** Runs until the campaign is no longer running and no host reboots, or {@code max} of virtual time passed. */
    public void runUntilSettled(Duration max) {
        Instant limit = scheduler.now().plus(max);
        while (scheduler.now().isBefore(limit)
                && (runner.state().status() == CampaignStatus.RUNNING || tracker.current() > 0)) {
            scheduler.runUntil(scheduler.now().plus(SLICE));
        }
        if (scheduler.failureCount() > 0) {
            throw new IllegalStateException(
                    scheduler.failureCount() + " simulation task(s) failed",
                    scheduler.failures().get(0));
        }
    }

    /** Runs {@code d} of virtual time whatever the campaign does. */
    public void runFor(Duration d) {
        scheduler.runUntil(scheduler.now().plus(d));
    }

    /** Clears the injected failures (the operator fixed the cause). */
    public void clearFailures() {
        for (int i : settings.failingHosts()) {
            hosts.get(i).faults().bootOrderWriteLost(false);
        }
    }

    public CampaignRunner runner() {
        return runner;
    }

    public RebootTracker tracker() {
        return tracker;
    }

    public PermitCoordinator coordinator() {
        return coordinator;
    }

    public List<SimulatedHost> hosts() {
        return hosts;
    }

    public SimFirmwareVersions versions() {
        return versions;
    }

    /** Whether host {@code i} is on the targets and its first boot option matches the declared order. */
    public boolean onTargetsAndOrder(int i) {
        if (!versions.onTargets(Hosts.hostId(i), TARGETS)) {
            return false;
        }
        List<String> order = DeclaredOrder.descriptions(hosts.get(i).nvram().bootOrder());
        return !order.isEmpty() && Pattern.matches(AgentBmcOptions.DECLARED_HTTPS_IPV6.get(0), order.get(0));
    }

    /** The whole run: bring-up, campaign, until settled (at most 48 h virtual). */
    public static CampaignResult run(CampaignSettings settings, LongSupplier nanoTime) {
        long t0 = nanoTime.getAsLong();
        CampaignSimulation sim = new CampaignSimulation(settings);
        sim.bringUp();
        sim.startCampaign();
        sim.runUntilSettled(Duration.ofDays(2));
        return sim.result(Duration.ofNanos(nanoTime.getAsLong() - t0));
    }

    public CampaignResult result(Duration wall) {
        CampaignState st = runner.state();
        int started = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        long sum = 0;
        int good = 0;
        for (int i = 0; i < hosts.size(); i++) {
            if (runner.waveOf(Hosts.hostId(i)) >= 0) {
                started++;
                int r = tracker.reboots(i);
                min = Math.min(min, r);
                max = Math.max(max, r);
                sum += r;
            }
            if (onTargetsAndOrder(i)) {
                good++;
            }
        }
        Instant end = lastOs == null || lastOs.isBefore(campaignStart) ? scheduler.now() : lastOs;
        return new CampaignResult(
                settings,
                st.status(),
                Duration.between(campaignStart, end),
                tracker.peak(),
                settings.coordinated() ? coordinator.policy().fleetCap() : settings.hosts(),
                started == 0 ? 0 : min,
                started == 0 ? 0 : (double) sum / started,
                max,
                started,
                settings.hosts() - started - st.skipped(),
                st.succeeded(),
                st.failed(),
                good,
                coordinator.granted(),
                coordinator.expired(),
                st.waves(),
                tracker.changes(),
                scheduler.executed(),
                wall);
    }
}
