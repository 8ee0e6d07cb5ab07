package dev.bmcagent.agent.runtime;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.agent.history.LogEventHistory;
import dev.bmcagent.agent.ipmiport.AccountUsers;
import dev.bmcagent.agent.ipmiport.SettingsBootOptionsStore;
import dev.bmcagent.common.time.ScaledScheduler;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.host.Hosts;
import dev.bmcagent.core.host.SerialExecutor;
import dev.bmcagent.core.node.FanOutput;
import dev.bmcagent.core.node.HostCommandTable;
import dev.bmcagent.core.node.HostFleet;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.HostNode;
import dev.bmcagent.core.node.HostNodeSpec;
import dev.bmcagent.core.reboot.RebootAccounting;
import dev.bmcagent.hostif.HostInterfaceConfig;
import dev.bmcagent.hostif.HostInterfaceServer;
import dev.bmcagent.hostif.PeerAllowList;
import dev.bmcagent.ipmi.command.app.BmcIdentity;
import dev.bmcagent.ipmi.fru.FruImage;
import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import dev.bmcagent.ipmi.lan.IpmiLanServer;
import dev.bmcagent.ipmi.lan.LanCounters;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.session.LanPacketProcessor;
import dev.bmcagent.journal.AtomicFiles;
import dev.bmcagent.journal.Journal;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.journal.sel.JournalSelStore;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BMC's network-facing runtime, started with {@link #builder}: N {@link HostNode}s and one {@link Dispatcher} over
 * {@link HostCommandTable}, built by {@link HostFleet} (as fleet mode builds them) from the journals, the restored
 * states and the power backends, and per host a VM-protocol {@link HostInterfaceServer} ({@code hostPort + i}, link
 * events → the node, power actions → VM ops) and an RMCP+ {@link IpmiLanServer} ({@code ipmiPort + i}) over a {@link LanPacketProcessor} with the
 * account-store users. LAN sessions are swept every second on the scheduler. Owns a small worker pool (host
 * mailboxes, IPMI dispatch, event delivery), one I/O thread shared by the host interfaces and one shared by the
 * LAN servers (not one per host). {@link #close()} stops in reverse order and releases every port.
 */
public final class BmcRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BmcRuntime.class);
    private static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);
    private static final int POOL_THREADS = 4;

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<HostNode> nodes = new ArrayList<>();
    /** Per host: the power backend itself, without the reboot-permit gate (a campaign step already holds one). */
    private final List<HostPowerPort> powerBackends = new ArrayList<>();

    private final List<HostInterfaceServer> hostInterfaces = new ArrayList<>();
    private final List<LanPacketProcessor> lanProcessors = new ArrayList<>();
    private final List<InetSocketAddress> lanAddresses = new ArrayList<>();
    private final List<InetSocketAddress> hostAddresses = new ArrayList<>();
    private EventStream events;
    private EventHistory history;
    private Dispatcher dispatcher;
    private dev.bmcagent.ipmi.fru.FruInventory fruInventory;
    private boolean closed;

    private BmcRuntime() {}

    /**
     * What a runtime is started from: {@code options} and {@code stores}, then optional parts (the event history,
     * the hosts' hardware, another host link, reboot permits) by name; {@link Builder#start} builds and starts it.
     */
    public static Builder builder(RuntimeOptions options, Stores stores) {
        return new Builder(options, stores);
    }

    /** The runtime's parts; each has a default, so a call site names only what it sets. */
    public static final class Builder {
        private final RuntimeOptions options;
        private final Stores stores;
        private EventHistory history;
        private IntFunction<HostHardware> hardware = i -> HostHardware.none();
        private Optional<HostLinkProvider> link = Optional.empty();
        private Optional<RebootAccounting> reboots = Optional.empty();
        private List<String> bootOrder = List.of();

        private Builder(RuntimeOptions options, Stores stores) {
            this.options = Objects.requireNonNull(options, "options");
            this.stores = Objects.requireNonNull(stores, "stores");
        }

        /** Where the event stream makes events durable; by default the stores' event log ({@link LogEventHistory}). */
        @CanIgnoreReturnValue
        public Builder history(EventHistory history) {
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        /** Host index → its sensors and fans; by default none ({@link HostHardware#none()}). */
        @CanIgnoreReturnValue
        public Builder hardware(IntFunction<HostHardware> hardware) {
            this.hardware = Objects.requireNonNull(hardware, "hardware");
            return this;
        }

        /**
         * A host link other than the VM protocol (e.g. OpenBMC D-Bus): the hosts' hardware, power and signals come
         * from it, {@link #hardware} is then ignored and no VM host interface is started. Empty: the VM protocol.
         */
        @CanIgnoreReturnValue
        public Builder link(Optional<HostLinkProvider> link) {
            this.link = Objects.requireNonNull(link, "link");
            return this;
        }

        /**
         * Reboot permits: every host's agent-triggered reboots ask for a permit first and the hosts' boot cycles are
         * counted ({@link RebootAccounting}: own reboots, the hosts' own, permits returned). Empty: no gate.
         */
        @CanIgnoreReturnValue
        public Builder reboots(Optional<RebootAccounting> reboots) {
            this.reboots = Objects.requireNonNull(reboots, "reboots");
            return this;
        }

        /**
         * The boot order declared for every host (the configuration's {@code bootOrder} patterns): each node has it
         * before any host link carries a host input, so a host already at POST when the agent starts has the order
         * it reports reconciled. Empty (default): none declared; Redfish may declare one later.
         */
        @CanIgnoreReturnValue
        public Builder bootOrder(List<String> patterns) {
            this.bootOrder = List.copyOf(patterns);
            return this;
        }

        /** Builds and starts everything; on failure closes what was started and rethrows. */
        public BmcRuntime start(Scheduler scheduler, SecureRandom random) throws IOException {
            EventHistory h = history != null ? history : new LogEventHistory(stores.events());
            BmcRuntime r = new BmcRuntime();
            try {
                r.startAll(
                        options,
                        stores,
                        h,
                        link.isPresent() ? link.get()::hardware : hardware,
                        link,
                        reboots,
                        bootOrder,
                        scheduler,
                        random);
            } catch (IOException | RuntimeException e) {
                r.close();
                throw e;
            }
            return r;
        }
    }

    private void startAll(
            RuntimeOptions o,
            Stores stores,
            EventHistory history,
            IntFunction<HostHardware> hardware,
            Optional<HostLinkProvider> link,
            Optional<RebootAccounting> reboots,
            List<String> bootOrder,
            Scheduler scheduler,
            SecureRandom random)
            throws IOException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(POOL_THREADS, task -> {
            Thread t = new Thread(task, "bmc-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running.push(pool::shutdown);
        this.history = history;
        byte[] sessionBytes = new byte[8];
        random.nextBytes(sessionBytes);
        events = new EventStream(
                history, scheduler.clock(), System::nanoTime, HexFormat.of().formatHex(sessionBytes), pool);
        reboots.ifPresent(r -> events.subscribe("reboot-accounting", r));
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        running.push(() -> io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
        // the SDR every host serves: the standard set, or host0's configured numbers and thresholds (hardware:)
        List<HostHardware> hardwareOf = new ArrayList<>();
        for (int i = 0; i < o.hosts(); i++) {
            hardwareOf.add(hardware.apply(i));
        }
        List<dev.bmcagent.ipmi.sdr.SensorDefinition> configuredSdr =
                o.hosts() > 0 ? hardwareOf.get(0).sdr() : List.of();
        SdrRepository sdr = configuredSdr.isEmpty()
                ? HostCommandTable.standardSdr(
                        HostCommandTable.STANDARD_DIMMS,
                        HostCommandTable.STANDARD_FANS,
                        scheduler.clock().instant())
                : SdrRepository.build(
                        "BMC",
                        "Builtin FRU",
                        configuredSdr,
                        scheduler.clock().instant().getEpochSecond());
        fruInventory = HostCommandTable.defaultInventory(scheduler.clock().instant());
        FruImage fru = FruImage.of(fruInventory);
        ExecutorService commandPool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "bmc-power-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running.push(commandPool::shutdown);
        List<VmHostPower> powers = new ArrayList<>();
        List<HostLinkSlot> hostLinks = new ArrayList<>();
        // the hosts' timeline (SEL stamps, boot durations, stuck limits) on the hosts' own clock: real for real
        // hosts, scaled like the demo's simulation for simulated ones
        Scheduler hostScheduler =
                o.hostTimeScale() == 1.0 ? scheduler : new ScaledScheduler(scheduler, o.hostTimeScale());
        AccountUsers users = new AccountUsers(stores.accounts());
        BmcIdentity identity = o.identity();
        // the RMCP+ endpoints' options (each host's bind and port below); the table reports their null-user policy
        IpmiLanOptions lanOptions = IpmiLanOptions.defaults();
        HostFleet.Builder hosts = HostFleet.builder(hostScheduler, pool, events, sdr)
                .policy(o.policy())
                .timing(o.timing())
                .identity(identity)
                .users(users)
                .activeLanSessions(this::activeLanSessions)
                .lanNullUserNames(lanOptions.allowInsecure())
                .fru(fru);
        for (int i = 0; i < o.hosts(); i++) {
            SelClock selClock = new SelClock(hostScheduler.clock());
            SelStore sel = openSel(o, stores, i, selClock);
            HostLinkSlot hostLink = new HostLinkSlot();
            hostLinks.add(hostLink);
            VmHostPower power = new VmHostPower(i, o.power(), hostLink, scheduler, new SerialExecutor(commandPool));
            powers.add(power);
            HostHardware hw = hardwareOf.get(i);
            HostPowerPort backend =
                    link.isPresent() ? link.get().power(i) : hw.power().orElse(power);
            powerBackends.add(backend);
            String hostId = Hosts.hostId(i);
            HostPowerPort powerPort = reboots.isPresent() ? reboots.get().gate(hostId, backend) : backend;
            hosts.host(
                    new HostNodeSpec(
                            i,
                            hw.sensors(),
                            hw.bus(),
                            hw.fans(),
                            powerPort,
                            sel,
                            selClock,
                            new SettingsBootOptionsStore(stores.settings(), i),
                            stores.settings()),
                    restored(history, i, hostScheduler),
                    FanOutput.DIRECT);
        }
        HostFleet fleet = hosts.build();
        nodes.addAll(fleet.nodes());
        dispatcher = fleet.dispatcher();
        running.push(fleet); // a start that fails after this point stops the nodes (closing is idempotent)
        fleet.start();
        // queued before the links open: every host input comes after it on the node's mailbox
        if (!bootOrder.isEmpty()) {
            nodes.forEach(n -> n.submit(new LifecycleInput.BootOrderDeclared(bootOrder)));
            log.info("boot order declared for every host from the configuration: {}", bootOrder);
        }
        if (link.isPresent()) {
            attach(link.get());
        }
        for (int i = 0; i < o.hosts() && link.isEmpty(); i++) {
            HostNode node = nodes.get(i);
            VmHostPower power = powers.get(i);
            HostInterfaceConfig hc = HostInterfaceConfig.defaults(i)
                    .withBindHost(o.hostBind())
                    .withPort(RuntimeOptions.port(o.hostPort(), i))
                    .withAllowedPeers(PeerAllowList.of(o.hostPeers()));
            HostInterfaceServer server = new HostInterfaceServer(
                    hc,
                    dispatcher,
                    fleet.systemInterface(i),
                    e -> {
                        node.onEvent(e);
                        power.onEvent(e);
                    },
                    scheduler,
                    pool,
                    io);
            InetSocketAddress bound = server.start();
            hostLinks.get(i).fill(server, bound.getPort());
            hostAddresses.add(bound);
            hostInterfaces.add(server);
            running.push(server);
        }
        // On close the agents stop taking inputs before the links go down: the BMC stopping is not a host power loss.
        running.push(() -> nodes.forEach(HostNode::close));
        byte[] guid = BmcIdentity.ipmiGuidBytes(identity.systemGuid());
        // one I/O thread for every host's RMCP+ port (their processors are short and synchronized)
        EventLoopGroup lanIo = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        running.push(() -> lanIo.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
        // once the LAN servers are closed: the session log lines still waiting for a quiet moment (a session's login)
        running.push(() -> lanProcessors.forEach(LanPacketProcessor::sweep));
        for (int i = 0; i < o.hosts(); i++) {
            IpmiLanOptions lo = lanOptions.withBind(o.ipmiBind(), RuntimeOptions.port(o.ipmiPort(), i));
            LanCounters counters = new LanCounters();
            LanPacketProcessor p = new LanPacketProcessor(
                    lo, users, stores.lockouts(), dispatcher, i, guid, scheduler.clock(), random, counters);
            lanProcessors.add(p);
            IpmiLanServer lan = new IpmiLanServer(lo, p, counters, lanIo);
            lanAddresses.add(lan.startBlocking());
            running.push(lan);
        }
        Scheduler.Cancellable sweep = scheduler.scheduleAtFixedRate(
                SWEEP_PERIOD, SWEEP_PERIOD, () -> lanProcessors.forEach(LanPacketProcessor::sweep));
        running.push(sweep::cancel);
        log.info("runtime started: {} host(s), IPMI LAN {}, host interface {}", o.hosts(), lanAddresses, hostAddresses);
    }

    private void attach(HostLinkProvider link) throws IOException {
        for (HostNode node : nodes) {
            try {
                running.push(link.attach(node, events));
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("host link: attaching " + node.hostId() + " failed: " + e.getMessage(), e);
            }
        }
    }

    private SelStore openSel(RuntimeOptions o, Stores stores, int index, SelClock clock) throws IOException {
        if (o.store() == StoreKind.MEMORY) {
            return new InMemorySelStore(clock, o.selCapacity());
        }
        Path dir = o.dataDir().resolve("store");
        AtomicFiles.createPrivateDirectories(dir);
        Journal journal = Journal.open(
                dir.resolve(String.format(Locale.ROOT, "sel-host%d.journal", index)),
                stores.journalOptions()); // the configured fsync policy, like every other journal
        JournalSelStore sel = new JournalSelStore(journal, clock, o.selCapacity());
        running.push(sel);
        return sel;
    }

    private int activeLanSessions() {
        int n = 0;
        for (LanPacketProcessor p : List.copyOf(lanProcessors)) {
            n += p.activeSessions();
        }
        return n;
    }

    public List<HostNode> nodes() {
        return List.copyOf(nodes);
    }

    public HostNode node(int index) {
        return nodes.get(index);
    }

    /** Host {@code index}'s power backend without the reboot-permit gate. */
    public HostPowerPort powerBackend(int index) {
        return powerBackends.get(index);
    }

    /** The FRU inventory IPMI serves (Read FRU Data), also Redfish's ComputerSystem/Chassis identity. */
    public dev.bmcagent.ipmi.fru.FruInventory fruInventory() {
        return fruInventory;
    }

    public EventStream events() {
        return events;
    }

    /** Host {@code i}'s lifecycle state from its history (a boot in progress continues; see LifecycleRestore). */
    private static dev.bmcagent.acpi.lifecycle.HostState restored(EventHistory history, int i, Scheduler scheduler) {
        String hostId = Hosts.hostId(i);
        var state = dev.bmcagent.agent.history.LifecycleRestore.restore(
                history, hostId, scheduler.clock().instant());
        state.cycle()
                .ifPresent(c -> log.info(
                        "{}: boot cycle {} (started {}) restored at {}, alerts {}; power and "
                                + "connection to be re-observed",
                        hostId,
                        c.number(),
                        c.startedAt(),
                        state.progress().lastState(),
                        state.alerts().keySet()));
        return state;
    }

    /** The durable history the event stream records into (one instance: it keeps the recent events in memory). */
    public EventHistory history() {
        return history;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Bound RMCP+ address of host {@code index}. */
    public InetSocketAddress ipmiAddress(int index) {
        return lanAddresses.get(index);
    }

    /** Bound VM-protocol address of host {@code index}. */
    public InetSocketAddress hostInterfaceAddress(int index) {
        return hostAddresses.get(index);
    }

    /** The host interfaces' listen addresses; empty when another host link (D-Bus) serves the hosts. */
    public java.util.List<InetSocketAddress> hostInterfaceAddresses() {
        return java.util.List.copyOf(hostAddresses);
    }

    public HostInterfaceServer hostInterface(int index) {
        return hostInterfaces.get(index);
    }

    /** Graceful stop: how long the host links may take to write the answers of requests already dispatched. */
    public static final Duration ANSWER_GRACE = Duration.ofSeconds(5);
    /** Graceful stop: how long each host may take to run the inputs already queued (SEL records, history). */
    public static final Duration DRAIN_GRACE = Duration.ofSeconds(10);

    /**
     * Stops gracefully, then in reverse order of starting; logs failures; idempotent. Gracefully: the host links
     * stop dispatching (new requests are answered D2h and change nothing, the host sends them again to the next
     * agent), the answers of dispatched requests are written ({@link #ANSWER_GRACE}), the hosts stop taking
     * inputs and run the queued ones ({@link #DRAIN_GRACE}) — so an event the host saw acknowledged is recorded, and
     * one it did not is sent again, never both — then the links close and the SEL journals are flushed and closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        quiesce();
        while (!running.isEmpty()) {
            AutoCloseable c = running.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.error("stopping {} failed", c, e);
            }
        }
    }

    private void quiesce() {
        try {
            hostInterfaces.forEach(HostInterfaceServer::quiesce);
            for (HostInterfaceServer s : hostInterfaces) {
                if (!s.awaitAnswered(ANSWER_GRACE)) {
                    log.warn(
                            "host{}: answers still unwritten after {}; closing the link anyway (the host sends "
                                    + "those requests again)",
                            s.hostIndex(),
                            ANSWER_GRACE);
                }
            }
            for (HostNode n : nodes) {
                n.close();
                if (!n.drain(DRAIN_GRACE)) {
                    log.warn("{}: queued inputs still running after {}; stopping anyway", n.hostId(), DRAIN_GRACE);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("graceful stop interrupted; stopping at once");
        }
    }
}
