package dev.bmcagent.simulator.bmc;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.fan.FanPolicy;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.host.Hosts;
import dev.bmcagent.core.node.FanOutput;
import dev.bmcagent.core.node.HostCommandTable;
import dev.bmcagent.core.node.HostFleet;
import dev.bmcagent.core.node.HostInputs;
import dev.bmcagent.core.node.HostNodeSpec;
import dev.bmcagent.core.node.HostView;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import dev.bmcagent.ipmi.command.chassis.InMemoryBootOptionsStore;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.simulator.fleet.BmcFactory;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.link.DispatcherHostLink;
import dev.bmcagent.simulator.link.HostLink;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fleet mode's BMC side, built by {@link HostFleet} like the daemon's: per simulated host a real agent core
 * ({@code HostNode}: {@code DefaultHostLifecycle} with the options' {@code LifecyclePolicy}, its SEL, sensor gate and poller over the host's {@code SimSmbus}-backed
 * sensor bus, fan loop on the host's fans, pending boot order), all on the fleet's {@link VirtualScheduler} with a
 * same-thread mailbox; one {@link Dispatcher} with the agent's full command table ({@link HostCommandTable}) for
 * the whole fleet, reached by each host through a {@link DispatcherHostLink}; the host's power control is the
 * node's {@code HostPowerPort}.
 *
 * <p>Baseline behaviours: {@code gating=false} configures the DIMM temperature sensors as always readable (what
 * a BMC without S2_D2 gating does: it reads them during SPD enumeration); {@code fanPolicy=false} wraps the fan
 * output in a {@link NaiveFanController}. Call {@link #prepare} with all hosts before the fleet runs.
 */
public final class AgentBmcFactory implements BmcFactory {
    private final AgentBmcOptions options;
    private final PowerPorts powerPorts;
    private final AgentEventTally tally = new AgentEventTally();
    private final List<NaiveFanController> naiveFans = new ArrayList<>();
    private HostFleet fleet;
    private FleetEventHistory history;
    private int retainedHost;

    public AgentBmcFactory(AgentBmcOptions options) {
        this(options, (host, port) -> port);
    }

    /** Keeps the full event history of host {@code index} (host 0 by default) for {@link #alerts}; before prepare. */
    public AgentBmcFactory retainHistoryOf(int index) {
        if (fleet != null || index < 0) {
            throw new IllegalStateException("retain a history before prepare, of an existing host");
        }
        retainedHost = index;
        return this;
    }

    /** The alerts the agent raised for the retained host, oldest first (from its event history). */
    public List<LifecycleEvent.AlertRaised> alerts() {
        if (history == null) {
            return List.of();
        }
        List<LifecycleEvent.AlertRaised> out = new ArrayList<>();
        String host = Hosts.hostId(retainedHost);
        long next = 1;
        while (true) {
            List<HostEvent> page = history.read(host, next, 1_000);
            if (page.isEmpty()) {
                return out;
            }
            for (HostEvent e : page) {
                if (e.event() instanceof LifecycleEvent.AlertRaised a) {
                    out.add(a);
                }
                next = e.sequence() + 1;
            }
        }
    }

    /**
     * @param powerPorts wraps each node's power port onto its host (e.g. with a reboot-permit gate); identity by default
     */
    public AgentBmcFactory(AgentBmcOptions options, PowerPorts powerPorts) {
        this.options = Objects.requireNonNull(options, "options");
        this.powerPorts = Objects.requireNonNull(powerPorts, "powerPorts");
    }

    /** Wraps the agent's power port onto a simulated host. */
    @FunctionalInterface
    public interface PowerPorts {
        HostPowerPort wrap(SimulatedHost host, HostPowerPort port);
    }

    /** Builds one node per host (host i → node i) and the command table; once, before {@link #attach}. */
    public void prepare(List<SimulatedHost> hosts, VirtualScheduler scheduler) {
        if (fleet != null) {
            throw new IllegalStateException("already prepared");
        }
        var now = scheduler.clock().instant();
        history = new FleetEventHistory(tally, Set.of(Hosts.hostId(retainedHost)));
        EventStream events = new EventStream(
                history, scheduler.clock(), () -> scheduler.elapsed().toNanos(), "fleet", Runnable::run);
        int dimms = hosts.isEmpty() ? 1 : hosts.get(0).config().dimms();
        int fans = hosts.isEmpty() ? 1 : hosts.get(0).fans().fanCount();
        SdrRepository sdr = HostCommandTable.standardSdr(dimms, fans, now);
        HostFleet.Builder builder = HostFleet.builder(scheduler, Runnable::run, events, sdr)
                .policy(options.policy())
                .timing(new NodeTiming(options.tick(), options.sensorPoll(), options.tick()));
        if (!options.declaredOrder().isEmpty()) {
            builder.atStart(new LifecycleInput.BootOrderDeclared(options.declaredOrder()));
        }
        for (SimulatedHost host : hosts) {
            FanOutput fanOut = options.fanPolicy()
                    ? FanOutput.DIRECT
                    : (hostFans, node) -> {
                        NaiveFanController naive = new NaiveFanController(
                                hostFans, FanPolicy.DEFAULT.failSafeDuty(), () -> unavailableWhilePowered(node));
                        naiveFans.add(naive);
                        return naive;
                    };
            SelClock selClock = new SelClock(scheduler.clock());
            builder.host(
                    new HostNodeSpec(
                            host.index(),
                            sensors(host),
                            host.sensorBus(),
                            host.fans(),
                            powerPorts.wrap(host, new SimulatedPowerPort(host)),
                            new InMemorySelStore(selClock),
                            selClock,
                            new InMemoryBootOptionsStore()),
                    HostState.initial(scheduler.clock().instant()),
                    fanOut);
        }
        fleet = builder.build();
        fleet.start();
    }

    @Override
    public HostLink attach(SimulatedHost host, VirtualScheduler scheduler) {
        if (fleet == null) {
            throw new IllegalStateException("prepare() first");
        }
        HostInputs node = fleet.node(host.index());
        return new DispatcherHostLink(fleet.dispatcher(), host.index(), new DispatcherHostLink.Signals() {
            @Override
            public void powerGood(int hostIndex, boolean on) {
                node.powerGood(on);
            }

            @Override
            public void platformReset(int hostIndex) {
                node.platformReset();
            }
        });
    }

    /** Counts from the agents' events (plus the naive fan controller's own fail-safe entries). */
    public AgentEventTally.Counts counts() {
        AgentEventTally.Counts c = tally.counts();
        long naive = 0;
        for (NaiveFanController f : naiveFans) {
            naive += f.failSafeEntries();
        }
        return new AgentEventTally.Counts(
                c.failSafeEntries() + naive, c.stuckAlerts(), c.reconcileReboots(), c.bootOrderAlarms());
    }

    /** The agent core of host {@code index}, as its readers see it. */
    public HostView node(int index) {
        return fleet.node(index);
    }

    private List<SensorSpec> sensors(SimulatedHost host) {
        if (options.gating()) {
            return host.sensorSpecs();
        }
        List<SensorSpec> out = new ArrayList<>();
        for (SensorSpec s : host.sensorSpecs()) {
            out.add(
                    s.gate() == GateClass.NOT_DURING_FIRMWARE_INIT
                            ? new SensorSpec(s.name(), s.kind(), s.address(), GateClass.ALWAYS)
                            : s);
        }
        return out;
    }

    private static boolean unavailableWhilePowered(HostView node) {
        if (!node.state().powerOn()) {
            return false;
        }
        for (SensorValue v : node.sensors().values()) {
            if (v instanceof SensorValue.Unavailable) {
                return true;
            }
        }
        return false;
    }
}
