package dev.bmcagent.core.host;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bmcagent.acpi.lifecycle.Effect;
import dev.bmcagent.acpi.lifecycle.HostLifecycle;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.acpi.lifecycle.MemoryBaseline;
import dev.bmcagent.acpi.lifecycle.SelEvent;
import dev.bmcagent.acpi.lifecycle.Transition;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.common.time.ManualScheduler;
import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.sensor.SensorGate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The executor mechanics, with a scripted lifecycle (the real rules are tested in acpi). */
class HostAgentTest {
    private static final Instant T0 = Instant.parse("2026-09-10T11:12:13Z");
    private static final SelEvent S0 = SelEvent.of(SelEvent.SelSensor.ACPI_STATUS, 0x00);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final SensorGate gate = new SensorGate(Set.of());
    private final DeclaredBootOrder bootOrder = new DeclaredBootOrder();
    private final InMemoryEventHistory history = new InMemoryEventHistory();
    private final List<HostEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(HostAgent.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(HostAgent.class)).detachAppender(logs);
        pool.shutdownNow();
    }

    /** A lifecycle that counts inputs in {@code bootCycles} and answers each input with scripted effects. */
    private static HostLifecycle scripted(Function<LifecycleInput, List<Effect>> effects) {
        return (state, input, now) -> new Transition(withCycles(state, state.bootCycles() + 1), effects.apply(input));
    }

    private static HostState withCycles(HostState s, long n) {
        return new HostState(
                s.connected(),
                s.powerOn(),
                s.system(),
                s.device(),
                s.acpiInferred(),
                s.acpiChangedAt(),
                s.progress(),
                s.cycle(),
                n,
                s.closedGates(),
                s.fanMode(),
                s.failedSensors(),
                s.alerts(),
                s.reconcile(),
                s.memory(),
                s.stalledFans(),
                s.reported());
    }

    private HostPorts ports(EventHistory h, SelWriter sel) {
        EventStream events = new EventStream(h, scheduler.clock(), () -> 0L, "s1", Runnable::run);
        events.subscribe("test", e -> {
            delivered.add(e);
            calls.add("deliver #" + e.sequence());
        });
        return new HostPorts(
                sel,
                gate,
                (mode, reason) -> calls.add("fan " + mode + " " + reason),
                action -> calls.add("power " + action),
                new BootOrderPort() {
                    @Override
                    public void apply(List<String> patterns) {
                        calls.add("boot " + patterns);
                        bootOrder.apply(patterns);
                    }

                    @Override
                    public List<String> current() {
                        return bootOrder.current();
                    }
                },
                events,
                memory -> calls.add("memory good " + memory.goodBoot()));
    }

    private HostPorts ports() {
        return ports(history, (e, at) -> calls.add("sel " + e.sensor() + " " + at));
    }

    private HostAgent agent(HostLifecycle lifecycle, HostPorts ports, Executor executor) {
        return new HostAgent(
                "host0", lifecycle, HostState.initial(T0), ports, scheduler, executor, Duration.ofSeconds(1));
    }

    private static final List<Effect> ALL_KINDS = List.of(
            new Effect.AppendSel(S0),
            new Effect.SetGate(GateClass.NOT_DURING_FIRMWARE_INIT, false),
            new Effect.SetFanMode(FanMode.FixedDuty, "S2_D2"),
            new Effect.HostPowerAction(PowerAction.HARD_RESET),
            new Effect.ApplyBootOrder(List.of(".*HTTP.*IPv6.*P1", ".*PXE.*IPv4.*")),
            new Effect.Emit(new LifecycleEvent.PowerChanged(true, "test", T0)),
            new Effect.RecordMemory(new MemoryBaseline(8, -1)));

    /**
     * {@link #ALL_KINDS} holds one effect of every permitted {@link Effect} type, so the test below proves each has a
     * port ({@code HostAgent.execute} is an instanceof chain until the build moves to a JDK with exhaustive switches).
     */
    @Test
    void allKindsCoversEveryPermittedEffectType() {
        assertEquals(
                Set.of(Effect.class.getPermittedSubclasses()),
                ALL_KINDS.stream().map(Object::getClass).collect(Collectors.toSet()),
                "a new Effect type: carry it out in HostAgent.execute and add one to ALL_KINDS");
    }

    @Test
    void executesEveryEffectInOrderThroughItsPortBeforeCompleting() throws Exception {
        HostAgent a = agent(scripted(in -> ALL_KINDS), ports(), pool);
        Transition t = a.submit(new LifecycleInput.PowerGood(true)).get(5, TimeUnit.SECONDS);

        assertEquals(
                List.of(
                        "sel ACPI_STATUS " + T0,
                        "fan FixedDuty S2_D2",
                        "power HARD_RESET",
                        "boot [.*HTTP.*IPv6.*P1, .*PXE.*IPv4.*]",
                        "deliver #1",
                        "memory good 8"),
                calls);
        assertFalse(gate.isOpen(GateClass.NOT_DURING_FIRMWARE_INIT));
        assertEquals(List.of(".*HTTP.*IPv6.*P1", ".*PXE.*IPv4.*"), bootOrder.current());
        assertEquals(1, history.lastSequence("host0"));
        assertSame(t.state(), a.state());
        assertEquals(1, a.state().bootCycles());
        assertEquals(0, a.effectFailures());
    }

    @Test
    void lifecycleInitiatedRebootsGoThroughPerformOwnRebootAndOperatorCommandsDoNot() throws Exception {
        HostPowerPort power = new HostPowerPort() {
            @Override
            public void perform(PowerAction action) {
                calls.add("operator " + action);
            }

            @Override
            public void performOwnReboot(PowerAction action, String reason) {
                calls.add("own " + action + " (" + reason + ")");
            }
        };
        HostPorts base = ports();
        HostPorts gated = new HostPorts(
                base.sel(), base.gate(), base.fans(), power, base.bootOrder(), base.events(), base.memory());
        HostAgent a = agent(scripted(in -> List.of(new Effect.HostPowerAction(PowerAction.WARM_RESET))), gated, pool);
        a.submit(new LifecycleInput.PowerCommand(PowerAction.POWER_CYCLE)).get(5, TimeUnit.SECONDS);
        a.submit(new LifecycleInput.BootOrderReported(List.of("UEFI PXE IPv4"))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("operator WARM_RESET", "own WARM_RESET (agent: BootOrderReported)"), calls);
    }

    @Test
    void aFailingEffectIsLoggedWithHostAndEffectAndTheRestStillRun() throws Exception {
        HostPorts p = ports(history, (e, at) -> {
            throw new IllegalStateException("SEL full");
        });
        HostAgent a = agent(scripted(in -> ALL_KINDS), p, Runnable::run);
        a.submit(new LifecycleInput.PowerGood(true)).get();
        assertEquals(
                List.of(
                        "fan FixedDuty S2_D2",
                        "power HARD_RESET",
                        "boot [.*HTTP.*IPv6.*P1, .*PXE.*IPv4.*]",
                        "deliver #1",
                        "memory good 8"),
                calls);
        assertEquals(1, a.effectFailures());
        assertTrue(
                logs.list.stream().anyMatch(l -> l.getFormattedMessage().startsWith("host0: effect AppendSel")),
                () -> logs.list.toString());

        a.submit(new LifecycleInput.Tick()).get(); // the host goes on
        assertEquals(2, a.state().bootCycles());
    }

    @Test
    void anEventTheHistoryCannotStoreIsNotDeliveredAndIsLogged() throws Exception {
        EventHistory broken = new EventHistory() {
            @Override
            public void append(HostEvent event) {
                throw new IllegalStateException("journal fsync failed");
            }

            @Override
            public List<HostEvent> read(String hostId, long fromSequence, int max) {
                return List.of();
            }

            @Override
            public long lastSequence(String hostId) {
                return 0;
            }
        };
        List<Effect> emitThenPower = List.of(
                new Effect.Emit(new LifecycleEvent.PowerChanged(true, "test", T0)),
                new Effect.HostPowerAction(PowerAction.ON));
        HostAgent a = agent(scripted(in -> emitThenPower), ports(broken, (e, at) -> {}), Runnable::run);
        a.submit(new LifecycleInput.PowerGood(true)).get();
        assertEquals(List.of(), delivered);
        assertEquals(List.of("power ON"), calls);
        assertTrue(
                logs.list.stream()
                        .anyMatch(l -> l.getFormattedMessage().startsWith("host0: effect Emit")
                                && l.getThrowableProxy().getMessage().contains("journal fsync failed")),
                () -> logs.list.toString());
    }

    @Test
    void aLifecycleThatThrowsLeavesTheStateAndFailsOnlyThatInput() throws Exception {
        HostLifecycle l = (state, input, now) -> {
            if (input instanceof LifecycleInput.HostReset) {
                throw new IllegalStateException("bug");
            }
            return new Transition(withCycles(state, state.bootCycles() + 1), List.of());
        };
        HostAgent a = agent(l, ports(), Runnable::run);
        a.submit(new LifecycleInput.Tick()).get();
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> a.submit(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM))
                        .get());
        assertEquals("bug", e.getCause().getMessage());
        assertEquals(1, a.state().bootCycles());
        a.submit(new LifecycleInput.Tick()).get();
        assertEquals(2, a.state().bootCycles());
    }

    @Test
    @SuppressWarnings("ThreadPriorityCheck") // yield widens the window in which an overlap would show; not a wait
    void inputsFromManyThreadsAreAppliedOneAtATimeInSubmissionOrderPerThread() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        HostLifecycle l = (state, input, now) -> {
            if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            seen.add(((LifecycleInput.SensorHealth) input).sensor());
            Thread.yield();
            inside.decrementAndGet();
            return new Transition(withCycles(state, state.bootCycles() + 1), List.of());
        };
        ExecutorService wide = Executors.newFixedThreadPool(4);
        try {
            HostAgent a = agent(l, ports(), wide);
            List<CompletableFuture<?>> all = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> submitters = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String thread = "t" + t;
                submitters.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < 250; i++) {
                                all.add(a.submit(new LifecycleInput.SensorHealth(thread + ":" + i, false, "x")));
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(submitters.toArray(new CompletableFuture<?>[0]))
                    .get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
            assertEquals(1000, a.state().bootCycles());
            assertEquals(0, overlaps.get());
            for (int t = 0; t < 4; t++) {
                String prefix = "t" + t + ":";
                List<String> mine =
                        seen.stream().filter(s -> s.startsWith(prefix)).toList();
                for (int i = 0; i < 250; i++) {
                    assertEquals(prefix + i, mine.get(i));
                }
            }
        } finally {
            wide.shutdownNow();
        }
    }

    @Test
    void startSyncsPortsWithTheStateThenTicksEveryPeriod() {
        List<LifecycleInput> inputs = Collections.synchronizedList(new ArrayList<>());
        HostAgent a = agent(
                (state, input, now) -> {
                    inputs.add(input);
                    return new Transition(state, List.of());
                },
                ports(),
                Runnable::run);
        a.start();
        // HostState.initial: host off, HOST_ON, NOT_DURING_FIRMWARE_INIT and POWER_GOOD closed, fans Normal.
        assertEquals(
                Set.of(GateClass.HOST_ON, GateClass.NOT_DURING_FIRMWARE_INIT, GateClass.POWER_GOOD), gate.closed());
        assertEquals(List.of("fan Normal agent start"), calls);

        scheduler.advance(Duration.ofMillis(3500));
        assertEquals(3, inputs.size());
        assertTrue(inputs.stream().allMatch(i -> i instanceof LifecycleInput.Tick));

        a.close();
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(3, inputs.size());
        assertTrue(a.submit(new LifecycleInput.Tick()).isCompletedExceptionally());
    }

    @Test
    void ticksDoNotPileUpBehindABusyHost() {
        Queue<Runnable> parked = new ArrayDeque<>();
        AtomicInteger ticks = new AtomicInteger();
        HostAgent a = agent(
                (state, input, now) -> {
                    ticks.incrementAndGet();
                    return new Transition(state, List.of());
                },
                ports(),
                parked::add);
        a.start();
        parked.poll().run(); // port sync
        scheduler.advance(Duration.ofSeconds(5)); // five ticks due, the host has not run any
        assertEquals(1, parked.size());
        parked.poll().run();
        assertEquals(1, ticks.get());
        scheduler.advance(Duration.ofSeconds(1));
        parked.poll().run();
        assertEquals(2, ticks.get());
    }

    @Test
    void registryNamesHostsAndFindsThem() {
        Hosts hosts = Hosts.create(
                3,
                i -> new HostAgent(
                        Hosts.hostId(i),
                        scripted(in -> List.of()),
                        HostState.initial(T0),
                        ports(),
                        scheduler,
                        Runnable::run,
                        Duration.ofSeconds(1)));
        assertEquals(3, hosts.size());
        assertEquals("host2", hosts.get(2).hostId());
        assertSame(hosts.get(1), hosts.get("host1").orElseThrow());
        assertTrue(hosts.get("host3").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Hosts(List.of(hosts.get(0), hosts.get(0))));
        hosts.close();
    }

    @Test
    void stateIsReadableFromOtherThreadsWhileInputsRun() {
        HostAgent a = agent(scripted(in -> List.of()), ports(), pool);
        for (int i = 0; i < 20; i++) {
            a.submit(new LifecycleInput.Tick());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> a.state().bootCycles() == 20);
        assertEquals(20, a.inputs());
    }

    @Test
    void drainAfterCloseRunsTheQueuedInputsAndIsBounded() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        HostAgent a = agent(
                (state, input, now) -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ran.incrementAndGet();
                    return new Transition(state, List.of());
                },
                ports(),
                pool);
        a.submit(new LifecycleInput.PowerGood(true));
        a.submit(new LifecycleInput.PowerGood(false));
        a.close();
        assertTrue(a.submit(new LifecycleInput.PowerGood(true)).isCompletedExceptionally(), "closed: refused");
        assertFalse(a.drain(Duration.ofMillis(100)), "an input still blocked: the drain gives up at its bound");
        release.countDown();
        assertTrue(a.drain(Duration.ofSeconds(10)));
        assertEquals(2, ran.get(), "both inputs queued before close ran, the refused one did not");
    }
}
