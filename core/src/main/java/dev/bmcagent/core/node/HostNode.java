package dev.bmcagent.core.node;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.bmcagent.acpi.lifecycle.DefaultHostLifecycle;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecyclePolicy;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.fan.FanLoop;
import dev.bmcagent.core.fan.FanPolicy;
import dev.bmcagent.core.fan.FanStallWatch;
import dev.bmcagent.core.firmware.HostFirmware;
import dev.bmcagent.core.firmware.MemoryRecordStore;
import dev.bmcagent.core.host.HostAgent;
import dev.bmcagent.core.host.HostLinkEvent;
import dev.bmcagent.core.host.HostLinkListener;
import dev.bmcagent.core.host.HostPorts;
import dev.bmcagent.core.host.Hosts;
import dev.bmcagent.core.ipmiport.LifecycleAcpiPort;
import dev.bmcagent.core.ipmiport.LifecycleBootProgress;
import dev.bmcagent.core.ipmiport.LifecycleHostControl;
import dev.bmcagent.core.ipmiport.LifecycleOemPort;
import dev.bmcagent.core.ipmiport.LifecyclePlatformEvents;
import dev.bmcagent.core.ipmiport.PendingBootOrder;
import dev.bmcagent.core.ipmiport.PolledSensorReadings;
import dev.bmcagent.core.sel.LifecycleSelWriter;
import dev.bmcagent.core.sensor.GatedSensorBus;
import dev.bmcagent.core.sensor.SensorGate;
import dev.bmcagent.core.sensor.SensorPoller;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import dev.bmcagent.ipmi.command.chassis.BootOptionsStore;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelStore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One host's agent core, without network: its {@link HostAgent} over {@link DefaultHostLifecycle}, SEL writer,
 * sensor gate, poller and fan loop, pending boot order, and the ipmi-port adapters the command table uses.
 * Creates no thread: timers go to the {@link Scheduler}, the mailbox and effects run on the caller's executor
 * (in fleet mode both are the virtual scheduler's thread, e.g. {@code Runnable::run}).
 *
 * <p>Callers depend on the role they need: {@link HostInputs} (host links, configuration: everything becomes a
 * lifecycle input), {@link HostView} (the state snapshot and sensor values, read-only) and {@link HostIpmiPorts}
 * (the IPMI command table) and {@link HostOperations} (what Redfish changes outside the lifecycle: identify LED, boot
 * options, the SEL). Host signals come in as {@link #onEvent} (it is a {@link HostLinkListener}) or, for an
 * in-process host, {@link #powerGood}/{@link #platformReset}. Start with {@link #start()}, stop with {@link #close()} (the SEL and
 * boot options stores belong to whoever created them).
 */
public final class HostNode implements HostInputs, HostView, HostIpmiPorts, HostOperations, AutoCloseable {
    private final HostNodeSpec spec;
    private final HostAgent agent;
    private final SensorGate gate;
    private final SensorPoller poller;
    private final FanLoop fanLoop;
    private final FanStallWatch fanStalls;
    private final Scheduler scheduler;
    private final Duration fanStep;
    private volatile Scheduler.Cancellable fanStallTask;
    private final PendingBootOrder pendingBootOrder = new PendingBootOrder();
    private final LifecycleAcpiPort acpi;
    private final LifecycleOemPort oem;
    private final LifecyclePlatformEvents platformEvents;
    private final LifecycleBootProgress bootProgress;
    private final dev.bmcagent.core.host.IdentifyLed identifyLed;
    private final LifecycleHostControl hostControl;
    private final PolledSensorReadings sensorReadings;
    private final HostFirmware firmware;
    private final SdrRepository sdr;

    /**
     * Built only by {@link HostFleet} (the one place hosts are built).
     *
     * @param spec      the host's ports and stores
     * @param policy    lifecycle limits
     * @param fanPolicy fan curve and duties
     * @param timing    tick / poll / fan intervals
     * @param events    the agent's event stream (shared by hosts)
     * @param sdr       the SDR the sensor readings are linearised with
     * @param scheduler clock and timers
     * @param pool      runs the host's mailbox (shared by hosts)
     * @param initial   the state to start from (restored from the history at agent start, see LifecycleRestore)
     * @param fanOutput what the fan loop writes to, made from the host's fans and this node's view
     */
    HostNode(
            HostNodeSpec spec,
            LifecyclePolicy policy,
            FanPolicy fanPolicy,
            NodeTiming timing,
            EventStream events,
            SdrRepository sdr,
            Scheduler scheduler,
            Executor pool,
            HostState initial,
            FanOutput fanOutput) {
        this.spec = Objects.requireNonNull(spec, "spec");
        String hostId = Hosts.hostId(spec.index());
        Objects.requireNonNull(initial, "initial");
        // the memory record (last good boot's DIMMs) is kept in the settings, not the bounded event history
        MemoryRecordStore memoryRecord = new MemoryRecordStore(hostId, spec.settings());
        HostState start = memoryRecord.load().map(initial::withMemory).orElse(initial);
        this.gate = new SensorGate(initial.closedGates());
        this.poller = new SensorPoller(
                hostId,
                spec.sensors(),
                new GatedSensorBus(spec.bus(), gate),
                scheduler,
                timing.sensorPoll(),
                this::submit);
        this.fanLoop = new FanLoop(
                hostId, fanPolicy, fanOutput.create(spec.fans(), this), poller::snapshot, scheduler, timing.fanStep());
        this.fanStalls = new FanStallWatch(poller::snapshot, fanLoop::lastDuty, this::submit);
        this.fanStep = timing.fanStep();
        this.scheduler = scheduler;
        HostPorts ports = new HostPorts(
                new LifecycleSelWriter(spec.sel()),
                gate,
                fanLoop,
                spec.power(),
                pendingBootOrder,
                events,
                memoryRecord);
        this.agent =
                new HostAgent(hostId, new DefaultHostLifecycle(policy), start, ports, scheduler, pool, timing.tick());
        this.acpi = new LifecycleAcpiPort(agent);
        this.oem = new LifecycleOemPort(agent, pendingBootOrder);
        this.platformEvents = new LifecyclePlatformEvents(agent, oem::lastBootOrder, spec.sel());
        this.bootProgress = new LifecycleBootProgress(agent);
        this.identifyLed = new dev.bmcagent.core.host.IdentifyLed(scheduler);
        this.hostControl = new LifecycleHostControl(agent, identifyLed, spec.power());
        this.sensorReadings = new PolledSensorReadings(sdr, poller, agent::state);
        this.sdr = sdr;
        this.firmware = new HostFirmware(hostId, spec.settings(), spec.sel(), scheduler.clock());
    }

    /** Starts the agent (syncs gates and fans, ticks), the sensor poller and the fan loop. */
    public void start() {
        agent.start();
        poller.start();
        fanLoop.start();
        fanStallTask = scheduler.scheduleAtFixedRate(fanStep, fanStep, fanStalls::check);
    }

    /**
     * Queues a lifecycle input (e.g. {@code BootOrderDeclared} from configuration or Redfish). Fire-and-forget
     * callers may drop the future, as for {@link HostAgent#submit}.
     */
    @CanIgnoreReturnValue
    @Override
    public CompletableFuture<?> submit(LifecycleInput input) {
        return agent.submit(input);
    }

    /** Power-good changed (in-process host; the VM link reports it through {@link #onEvent}). */
    @Override
    public void powerGood(boolean on) {
        submit(new LifecycleInput.PowerGood(on));
    }

    /** The platform reset line was asserted. */
    @Override
    public void platformReset() {
        submit(new LifecycleInput.HostReset(LifecycleInput.ResetKind.HARD));
    }

    /**
     * VM link events → inputs: connect → {@code HostConnected}, power-good → {@code PowerGood}, disconnect →
     * {@code HostDisconnected}, the host's {@code 04 A1} → {@code HostReset(WARM)} (QEMU sends it on every
     * system reset, the OS's reboot included). Non-blocking (queues on the mailbox).
     */
    @Override
    public void onEvent(HostLinkEvent event) {
        if (event instanceof HostLinkEvent.Connected) {
            submit(new LifecycleInput.HostConnected());
        } else if (event instanceof HostLinkEvent.PowerGood p) {
            submit(new LifecycleInput.PowerGood(p.on()));
        } else if (event instanceof HostLinkEvent.Disconnected) {
            submit(new LifecycleInput.HostDisconnected());
        } else if (event instanceof HostLinkEvent.HostReset) {
            submit(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM));
        }
    }

    @Override
    public int index() {
        return spec.index();
    }

    @Override
    public String hostId() {
        return agent.hostId();
    }

    public HostNodeSpec spec() {
        return spec;
    }

    public HostAgent agent() {
        return agent;
    }

    @Override
    public HostState state() {
        return agent.state();
    }

    public SensorGate gate() {
        return gate;
    }

    /** The SDR this host's sensors are served with (numbers, thresholds). */
    @Override
    public SdrRepository sdr() {
        return sdr;
    }

    @Override
    public Map<SensorSpec, SensorValue> sensors() {
        return poller.snapshot();
    }

    @Override
    public BootOptionsStore bootOptions() {
        return spec.bootOptions();
    }

    @Override
    public SelStore sel() {
        return spec.sel();
    }

    @Override
    public SelClock selClock() {
        return spec.selClock();
    }

    public FanLoop fanLoop() {
        return fanLoop;
    }

    public PendingBootOrder pendingBootOrder() {
        return pendingBootOrder;
    }

    @Override
    public LifecycleAcpiPort acpiPort() {
        return acpi;
    }

    @Override
    public LifecycleOemPort oemPort() {
        return oem;
    }

    @Override
    public LifecyclePlatformEvents platformEvents() {
        return platformEvents;
    }

    @Override
    public LifecycleBootProgress bootProgress() {
        return bootProgress;
    }

    /** The host's identify LED (Redfish IndicatorLED and IPMI Chassis Identify). */
    @Override
    public dev.bmcagent.core.host.IdentifyLed identifyLed() {
        return identifyLed;
    }

    @Override
    public LifecycleHostControl hostControl() {
        return hostControl;
    }

    @Override
    public PolledSensorReadings sensorReadings() {
        return sensorReadings;
    }

    /** What the host reported through Set System Info Parameters (firmware versions, names), with history. */
    @Override
    public HostFirmware firmware() {
        return firmware;
    }

    @Override
    public int fanDuty() {
        return fanLoop.lastDuty();
    }

    @Override
    public FanMode fanMode() {
        return fanLoop.mode();
    }

    @Override
    public Set<GateClass> closedGates() {
        return gate.closed();
    }

    @Override
    public long effectFailures() {
        return agent.effectFailures();
    }

    @Override
    public boolean powerAvailable(LifecycleInput.PowerAction action) {
        return spec.power().available(action);
    }

    /** Waits (at most {@code timeout}) until the inputs queued so far have run; see {@link HostAgent#drain}. */
    public boolean drain(Duration timeout) throws InterruptedException {
        return agent.drain(timeout);
    }

    /** Stops ticking, polling and the fan loop; queued inputs still run. */
    @Override
    public void close() {
        Scheduler.Cancellable stalls = fanStallTask;
        if (stalls != null) {
            stalls.cancel();
        }
        fanLoop.close();
        poller.close();
        agent.close();
    }
}
