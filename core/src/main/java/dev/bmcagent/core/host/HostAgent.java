package dev.bmcagent.core.host;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.bmcagent.acpi.lifecycle.Effect;
import dev.bmcagent.acpi.lifecycle.HostLifecycle;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.Transition;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.common.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's runtime, actor style. Every input is queued on this host's mailbox ({@link SerialExecutor} over a
 * shared pool) and handled one at a time: {@code lifecycle.apply(state, input, clock.instant())}, publish the new
 * state, then carry out the effects in order through the {@link HostPorts}. The returned future completes after
 * the effects ran. An effect that fails is logged with the host id and the effect and counted; the later effects
 * and the host go on. A lifecycle that throws leaves the state unchanged and fails that input's future.
 *
 * <p>{@link #start()} first brings the ports in line with the state (gates, fan mode; no events), then ticks the
 * lifecycle every tick period. A tick is not queued while another is still waiting (no pile-up behind a slow
 * effect). {@link #state()} is a volatile snapshot for readers on other threads (IPMI, Redfish).
 *
 * <p>Effects run on the host's mailbox thread and may block briefly: closing a gate waits for that class's reads in
 * flight, the SEL and history return once durable. Size the shared pool for that.
 */
public final class HostAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HostAgent.class);

    private final String hostId;
    private final HostLifecycle lifecycle;
    private final HostPorts ports;
    private final Scheduler scheduler;
    private final Executor mailbox;
    private final Duration tickPeriod;
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong inputs = new AtomicLong();
    private final AtomicLong effectFailures = new AtomicLong();
    private volatile HostState state;
    private volatile Scheduler.Cancellable ticker;

    /**
     * @param hostId     e.g. "host0"
     * @param lifecycle  the pure transition function
     * @param initial    the state to start from ({@code HostState.initial(now)} or one recovered from the store)
     * @param ports      where effects go
     * @param scheduler  clock for {@code now} and the tick timer
     * @param pool       runs this host's mailbox (shared by hosts; never run two tasks of one host at once)
     * @param tickPeriod how often the lifecycle gets a {@link LifecycleInput.Tick}, e.g. 1 s
     */
    public HostAgent(
            String hostId,
            HostLifecycle lifecycle,
            HostState initial,
            HostPorts ports,
            Scheduler scheduler,
            Executor pool,
            Duration tickPeriod) {
        this.hostId = Objects.requireNonNull(hostId, "hostId");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.state = Objects.requireNonNull(initial, "initial");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.mailbox = new SerialExecutor(pool);
        this.tickPeriod = Objects.requireNonNull(tickPeriod, "tickPeriod");
        if (tickPeriod.isZero() || tickPeriod.isNegative()) {
            throw new IllegalArgumentException("tickPeriod must be positive");
        }
    }

    /** Syncs the ports with the current state (on the mailbox) and starts ticking. Idempotent. */
    public synchronized void start() {
        if (ticker != null || closed.get()) {
            return;
        }
        mailbox.execute(this::syncPorts);
        ticker = scheduler.scheduleAtFixedRate(tickPeriod, tickPeriod, this::tick);
    }

    /**
     * Queues {@code input}. The future completes with the transition once its effects were carried out, or
     * exceptionally if the lifecycle threw or the agent is closed. Callers that only report a fact may drop the
     * future: a lifecycle failure is logged here, and inputs after close have no one left to act on them.
     */
    @CanIgnoreReturnValue
    public CompletableFuture<Transition> submit(LifecycleInput input) {
        Objects.requireNonNull(input, "input");
        CompletableFuture<Transition> done = new CompletableFuture<>();
        if (closed.get()) {
            done.completeExceptionally(new IllegalStateException(hostId + " is closed"));
            return done;
        }
        try {
            mailbox.execute(() -> handle(input, done));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    // The future whenComplete returns would only carry an exception from resetting the flag, which cannot throw;
    // a failed tick itself is logged by handle().
    @SuppressWarnings("FutureReturnValueIgnored")
    private void tick() {
        if (tickQueued.compareAndSet(false, true)) {
            submit(new LifecycleInput.Tick()).whenComplete((t, e) -> tickQueued.set(false));
        }
    }

    private void handle(LifecycleInput input, CompletableFuture<Transition> done) {
        Instant now = scheduler.clock().instant();
        Transition t;
        try {
            t = lifecycle.apply(state, input, now);
        } catch (RuntimeException e) {
            log.error("{}: lifecycle failed on {}; state unchanged", hostId, input, e);
            done.completeExceptionally(e);
            return;
        }
        state = t.state();
        inputs.incrementAndGet();
        for (Effect effect : t.effects()) {
            try {
                execute(effect, input, now);
            } catch (RuntimeException e) {
                long n = effectFailures.incrementAndGet();
                log.error("{}: effect {} failed (input {}; {} effect failures so far)", hostId, effect, input, n, e);
            }
        }
        done.complete(t);
    }

    private void execute(Effect effect, LifecycleInput input, Instant now) {
        if (effect instanceof Effect.AppendSel e) {
            ports.sel().append(e.event(), now);
        } else if (effect instanceof Effect.SetGate e) {
            ports.gate().set(e.gate(), e.open());
        } else if (effect instanceof Effect.SetFanMode e) {
            ports.fans().setMode(e.mode(), e.reason());
        } else if (effect instanceof Effect.HostPowerAction e) {
            if (input instanceof LifecycleInput.PowerCommand) {
                ports.power().perform(e.action());
            } else {
                ports.power()
                        .performOwnReboot(
                                e.action(), "agent: " + input.getClass().getSimpleName());
            }
        } else if (effect instanceof Effect.ApplyBootOrder e) {
            ports.bootOrder().apply(e.patterns());
        } else if (effect instanceof Effect.Emit e) {
            ports.events().publish(hostId, e.event());
        } else if (effect instanceof Effect.RecordMemory e) {
            ports.memory().record(e.memory());
        } else {
            throw new IllegalArgumentException("unknown effect " + effect);
        }
    }

    private void syncPorts() {
        HostState s = state;
        for (GateClass g : GateClass.values()) {
            try {
                ports.gate().set(g, s.gateOpen(g));
            } catch (RuntimeException e) {
                log.error("{}: syncing gate {} failed", hostId, g, e);
            }
        }
        try {
            ports.fans().setMode(s.fanMode(), "agent start");
        } catch (RuntimeException e) {
            log.error("{}: syncing fan mode {} failed", hostId, s.fanMode(), e);
        }
    }

    public String hostId() {
        return hostId;
    }

    /**
     * The current state: a consistent snapshot, published as soon as a transition is applied (its effects may still
     * be running), and behind any inputs still queued.
     */
    public HostState state() {
        return state;
    }

    /** Inputs applied since start. */
    public long inputs() {
        return inputs.get();
    }

    /** Effects that failed since start. */
    public long effectFailures() {
        return effectFailures.get();
    }

    /**
     * Waits until every input queued before this call has run with its effects (SEL records, history), at most
     * {@code timeout}; true when they have. For a graceful stop after {@link #close()}.
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        try {
            mailbox.execute(done::countDown);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return true; // the pool is shut down: nothing queued can run any more
        }
        return done.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Stops ticking and refuses new inputs; inputs already queued still run. */
    @Override
    public synchronized void close() {
        closed.set(true);
        Scheduler.Cancellable t = ticker;
        if (t != null) {
            t.cancel();
        }
    }
}
