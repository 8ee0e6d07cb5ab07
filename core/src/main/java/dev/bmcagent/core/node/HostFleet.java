package dev.bmcagent.core.node;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecyclePolicy;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.fan.FanPolicy;
import dev.bmcagent.ipmi.command.app.BmcIdentity;
import dev.bmcagent.ipmi.command.app.UserEntry;
import dev.bmcagent.ipmi.command.app.UserInfo;
import dev.bmcagent.ipmi.command.sysif.SystemInterfaceState;
import dev.bmcagent.ipmi.fru.FruImage;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;

/**
 * The one place hosts are built, for every mode: the daemon ({@code BmcRuntime}, live time, journals) and fleet mode
 * ({@code AgentBmcFactory}, virtual time, in-memory stores) both describe their hosts to a {@link Builder} and get
 * the same thing back: one {@link HostNode} per host, built in index order over the parts they share (policy, fan
 * policy, timing, event stream, SDR, scheduler, mailbox executor), one system-interface state per host, and one
 * IPMI {@link Dispatcher} over {@link HostCommandTable} for all of them. What differs between the modes is only what
 * goes into the builder (stores, power ports, the initial state, the fan output).
 *
 * <p>{@link #start()} starts the nodes in index order and queues the builder's {@link Builder#atStart} inputs on each
 * right after it started; {@link #close()} stops the started ones in reverse order (the stores in the specs belong
 * to whoever made them). Creates no thread.
 */
public final class HostFleet implements AutoCloseable {
    private final List<HostNode> nodes;
    private final List<SystemInterfaceState> systemInterfaces;
    private final List<LifecycleInput> atStart;
    private final SdrRepository sdr;
    private final Dispatcher dispatcher;
    private int started;

    private HostFleet(Builder b) {
        List<HostNode> built = new ArrayList<>();
        List<SystemInterfaceState> sysIf = new ArrayList<>();
        for (Host h : b.hosts) {
            built.add(new HostNode(
                    h.spec,
                    b.policy,
                    FanPolicy.DEFAULT,
                    b.timing,
                    b.events,
                    b.sdr,
                    b.scheduler,
                    b.pool,
                    h.initial,
                    h.fans));
            sysIf.add(new SystemInterfaceState());
        }
        this.nodes = List.copyOf(built);
        this.systemInterfaces = List.copyOf(sysIf);
        this.atStart = List.copyOf(b.atStart);
        this.sdr = b.sdr;
        this.dispatcher = HostCommandTable.dispatcher(
                nodes,
                b.identity,
                b.users,
                b.activeLanSessions,
                b.sdr,
                b.fru,
                systemInterfaces::get,
                b.lanNullUserNames);
    }

    /**
     * A builder over the parts every host shares.
     *
     * @param scheduler the hosts' clock and timers (live, scaled or virtual)
     * @param pool      runs the hosts' mailboxes ({@code Runnable::run} in fleet mode)
     * @param events    the event stream all hosts publish to
     * @param sdr       the SDR every host serves and linearises its readings with
     */
    public static Builder builder(Scheduler scheduler, Executor pool, EventStream events, SdrRepository sdr) {
        return new Builder(scheduler, pool, events, sdr);
    }

    /** Starts every node not yet started, in index order, each followed by the {@link Builder#atStart} inputs. */
    public synchronized void start() {
        while (started < nodes.size()) {
            HostNode node = nodes.get(started);
            node.start();
            started++;
            for (LifecycleInput input : atStart) {
                node.submit(input);
            }
        }
    }

    /** The nodes by index (host i is node i). */
    public List<HostNode> nodes() {
        return nodes;
    }

    public HostNode node(int index) {
        return nodes.get(index);
    }

    public int size() {
        return nodes.size();
    }

    /** The IPMI command table over all hosts (host index → node; an index without a node answers CBh). */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Host {@code index}'s system-interface state (global enables, message flags), shared with its host link. */
    public SystemInterfaceState systemInterface(int index) {
        return systemInterfaces.get(index);
    }

    /** The SDR every host serves. */
    public SdrRepository sdr() {
        return sdr;
    }

    /** Stops the started nodes, last first (ticks, polls, fan loops); queued inputs still run. Idempotent. */
    @Override
    public synchronized void close() {
        for (int i = started - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }

    private record Host(HostNodeSpec spec, HostState initial, FanOutput fans) {}

    /** What the hosts share, then each host in index order; {@link #build()} makes the nodes and the table. */
    public static final class Builder {
        private final Scheduler scheduler;
        private final Executor pool;
        private final EventStream events;
        private final SdrRepository sdr;
        private LifecyclePolicy policy = LifecyclePolicy.defaults();
        private NodeTiming timing = NodeTiming.DEFAULT;
        private BmcIdentity identity = HostCommandTable.DEFAULT_IDENTITY;
        private UserInfo users = NO_USERS;
        private IntSupplier activeLanSessions = () -> 0;
        private FruImage fru;
        private boolean lanNullUserNames;
        private final List<Host> hosts = new ArrayList<>();
        private final List<LifecycleInput> atStart = new ArrayList<>();

        private Builder(Scheduler scheduler, Executor pool, EventStream events, SdrRepository sdr) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.pool = Objects.requireNonNull(pool, "pool");
            this.events = Objects.requireNonNull(events, "events");
            this.sdr = Objects.requireNonNull(sdr, "sdr");
        }

        /** Lifecycle limits; {@link LifecyclePolicy#defaults()} unless set. */
        @CanIgnoreReturnValue
        public Builder policy(LifecyclePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether the LAN endpoints accept null user names, as Get Channel Authentication Capabilities reports it;
         * false (refused) unless set. Give the value the RMCP+ endpoints run with.
         */
        @CanIgnoreReturnValue
        public Builder lanNullUserNames(boolean accepted) {
            this.lanNullUserNames = accepted;
            return this;
        }

        /** Tick, poll and fan intervals; {@link NodeTiming#DEFAULT} unless set. */
        @CanIgnoreReturnValue
        public Builder timing(NodeTiming timing) {
            this.timing = Objects.requireNonNull(timing, "timing");
            return this;
        }

        /** What Get Device ID / GUID report; {@link HostCommandTable#DEFAULT_IDENTITY} unless set. */
        @CanIgnoreReturnValue
        public Builder identity(BmcIdentity identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /** The IPMI user table; none (one slot, empty) unless set. */
        @CanIgnoreReturnValue
        public Builder users(UserInfo users) {
            this.users = Objects.requireNonNull(users, "users");
            return this;
        }

        /** Active RMCP+ sessions (Get Channel Info / Get Session Info); 0 unless set. */
        @CanIgnoreReturnValue
        public Builder activeLanSessions(IntSupplier activeLanSessions) {
            this.activeLanSessions = Objects.requireNonNull(activeLanSessions, "activeLanSessions");
            return this;
        }

        /** The FRU image Read FRU Data serves; {@link HostCommandTable#defaultFru} as of now unless set. */
        @CanIgnoreReturnValue
        public Builder fru(FruImage fru) {
            this.fru = Objects.requireNonNull(fru, "fru");
            return this;
        }

        /** An input every host gets right after it started (configuration, e.g. a declared boot order). */
        @CanIgnoreReturnValue
        public Builder atStart(LifecycleInput input) {
            atStart.add(Objects.requireNonNull(input, "input"));
            return this;
        }

        /** The next host, from the initial state as of now, its fans written directly. */
        @CanIgnoreReturnValue
        public Builder host(HostNodeSpec spec) {
            return host(spec, HostState.initial(scheduler.clock().instant()), FanOutput.DIRECT);
        }

        /**
         * The next host.
         *
         * @param spec      its ports and stores; {@code spec.index()} must be the number of hosts added before
         * @param initial   the state it starts from (e.g. restored from the event history)
         * @param fanOutput what its fan loop writes to
         */
        @CanIgnoreReturnValue
        public Builder host(HostNodeSpec spec, HostState initial, FanOutput fanOutput) {
            Objects.requireNonNull(spec, "spec");
            if (spec.index() != hosts.size()) {
                throw new IllegalArgumentException(
                        "hosts must be added in index order: expected " + hosts.size() + ", got " + spec.index());
            }
            hosts.add(new Host(spec, Objects.requireNonNull(initial, "initial"), Objects.requireNonNull(fanOutput)));
            return this;
        }

        /** Builds the nodes (index order) and the command table; starts nothing. */
        public HostFleet build() {
            if (fru == null) {
                fru = HostCommandTable.defaultFru(scheduler.clock().instant());
            }
            return new HostFleet(this);
        }
    }

    /** A user table without users (fleet mode serves no RMCP+ sessions). */
    private static final UserInfo NO_USERS = new UserInfo() {
        @Override
        public int maxUsers() {
            return 1;
        }

        @Override
        public Optional<UserEntry> find(int userId) {
            return Optional.empty();
        }
    };
}
