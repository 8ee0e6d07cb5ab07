package dev.bmcagent.bench;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.Subscription;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.journal.FsyncPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Host input → agent reaction, in-process, over the real VM-protocol link (see docs/BENCHMARKS.md, "The agent's own
 * latency").
 *
 * <p>Starts an {@link AgentRig} (BmcRuntime, one host, disk stores, {@code --fsync NEVER|BATCH} for the event log),
 * powers the host on, then {@code --warmup} + {@code --count} times alternates Set ACPI Power State S2_D2 ({@code 82
 * 82}) and S0 ({@code 80 80}). Per input, from {@code t0 = System.nanoTime()} just before the request is written:
 * <ul>
 *   <li>{@code resp}: the Set ACPI response reaches the client (I/O-thread callback);</li>
 *   <li>{@code acpi}: the event stream delivers the host-reported {@code AcpiChanged} to a subscriber (event
 *       recorded in the disk history, then delivered);</li>
 *   <li>{@code sel}: delivery of the {@code GateChanged} of the same transition. The lifecycle's effect order is
 *       Emit(AcpiChanged), AppendSel(22h record), SetGate, Emit(GateChanged): this event is the first observable
 *       point after the SEL append returned (the SEL record is in the journal) and the gate is set;</li>
 *   <li>{@code anchor}: right after, the round trip of Get Device ID (App 06h/01h) over the same link.</li>
 * </ul>
 * With {@code --dimm-poll-us N} the host gets a DIMM temperature sensor ({@link GateClass#NOT_DURING_FIRMWARE_INIT})
 * on a {@link RecordingDimmBus} polled every N µs; then also {@code gate} = end of the last DIMM read that started
 * before the GateChanged(closed) delivery − t0 (0 when no read ran after t0; {@code gate-when-reading}: only the
 * inputs where a DIMM read started after t0 or was in flight), and {@code violations} = DIMM reads
 * that started after that delivery and before the next S0 input. {@code --hold-ms} waits after each input so polls
 * run in both states. Output: {@code RESULT} lines on stdout (one per metric), details on stderr.
 */
public final class HostInputLatency {
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(5);

    private record Seen(long nanos, HostEvent event) {}

    private HostInputLatency() {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(BenchOptions.parse(args));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static int run(BenchOptions o) throws Exception {
        int count = (int) o.number("count", 5_000, 1, 200_000);
        int warmup = (int) o.number("warmup", 500, 0, 100_000);
        long pollUs = o.number("dimm-poll-us", 0, 0, 1_000_000);
        long readUs = o.number("dimm-read-us", 300, 0, 100_000);
        long holdMs = o.number("hold-ms", 0, 0, 1_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.number("max-seconds", 600, 1, 3_600));
        FsyncPolicy fsync = FsyncPolicy.valueOf(o.string("fsync", "NEVER").toUpperCase(Locale.ROOT));
        String label = o.string("label", "hostif-" + fsync.name().toLowerCase(Locale.ROOT));

        RecordingDimmBus bus = new RecordingDimmBus(2_000_000, TimeUnit.MICROSECONDS.toNanos(readUs));
        HostHardware hw = pollUs == 0
                ? HostHardware.none()
                : new HostHardware(
                        List.of(new SensorSpec(
                                "DIMM_TEMP_A0",
                                SensorKind.TEMPERATURE,
                                "smbus:0x18",
                                GateClass.NOT_DURING_FIRMWARE_INIT)),
                        bus,
                        (zone, pct) -> {});
        Duration poll = pollUs == 0 ? Duration.ofSeconds(1) : Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(pollUs));
        NodeTiming timing = new NodeTiming(Duration.ofSeconds(1), poll, Duration.ofSeconds(1));

        int total = warmup + count;
        long[] resp = new long[total];
        long[] acpi = new long[total];
        long[] sel = new long[total];
        long[] anchor = new long[total];
        long[] t0s = new long[total];
        long[] gateSeen = new long[total];
        int done = 0;
        BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        try (AgentRig rig = new AgentRig(fsync, hw, timing)) {
            Subscription sub = rig.runtime.events().subscribe("bench", e -> seen.add(new Seen(System.nanoTime(), e)));
            rig.powerOn();
            rig.send(AgentRig.CMD_SET_ACPI, AgentRig.S0_D0);
            AgentRig.waitFor(
                    () -> rig.node().state().system() == AcpiSystemState.S0_G0_D0, Duration.ofSeconds(5), "S0");
            TimeUnit.MILLISECONDS.sleep(100);
            seen.clear();
            for (int i = 0; i < total; i++) {
                if (System.nanoTime() > deadline) {
                    System.err.println("time limit reached after " + i + " inputs");
                    break;
                }
                boolean toS2 = i % 2 == 0;
                AcpiSystemState target = toS2 ? AcpiSystemState.S2_D2 : AcpiSystemState.S0_G0_D0;
                AtomicLong respAt = new AtomicLong();
                long t0 = System.nanoTime();
                CompletableFuture<?> f = rig.host
                        .request(AgentRig.NETFN_APP, 0, AgentRig.CMD_SET_ACPI, toS2 ? AgentRig.S2_D2 : AgentRig.S0_D0)
                        .whenComplete((r, e) -> respAt.set(System.nanoTime()));
                f.get(5, TimeUnit.SECONDS);
                long acpiAt = 0;
                long gateAt = 0;
                long end = System.nanoTime() + WAIT_NS;
                while (acpiAt == 0 || gateAt == 0) {
                    Seen s = seen.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (s == null) {
                        throw new IllegalStateException("no AcpiChanged/GateChanged within 5 s for input " + i);
                    }
                    if (AgentRig.isAcpi(s.event(), target)) {
                        acpiAt = s.nanos();
                    } else if (acpiAt != 0
                            && s.event().event() instanceof LifecycleEvent.GateChanged g
                            && g.gate() == GateClass.NOT_DURING_FIRMWARE_INIT
                            && g.open() == !toS2) {
                        gateAt = s.nanos();
                    }
                }
                AtomicLong anchorAt = new AtomicLong();
                long a0 = System.nanoTime();
                rig.host
                        .request(AgentRig.NETFN_APP, 0, AgentRig.CMD_GET_DEVICE_ID, new byte[0])
                        .whenComplete((r, e) -> anchorAt.set(System.nanoTime()))
                        .get(5, TimeUnit.SECONDS);
                t0s[i] = t0;
                gateSeen[i] = gateAt;
                resp[i] = respAt.get() - t0;
                acpi[i] = acpiAt - t0;
                sel[i] = gateAt - t0;
                anchor[i] = anchorAt.get() - a0;
                done = i + 1;
                if (holdMs > 0) {
                    TimeUnit.MILLISECONDS.sleep(holdMs);
                }
            }
            rig.runtime.events().unsubscribe(sub);
            System.err.printf(
                    Locale.ROOT,
                    "%s: %d inputs (%d warm-up), fsync %s, effect failures %d, SEL %d records%n",
                    label,
                    done,
                    warmup,
                    fsync,
                    rig.node().effectFailures(),
                    rig.sel().info().entries());
        }
        if (done <= warmup) {
            System.err.println("no samples recorded");
            return 2;
        }
        print(label + "/resp", resp, warmup, done);
        print(label + "/acpi", acpi, warmup, done);
        print(label + "/sel", sel, warmup, done);
        print(label + "/anchor", anchor, warmup, done);
        if (pollUs > 0) {
            gateReport(label, bus, t0s, gateSeen, warmup, done);
        }
        return done == total ? 0 : 3;
    }

    /** Per S2_D2 input: end of the last read started before the gate closed (as seen), and reads after it. */
    private static void gateReport(
            String label, RecordingDimmBus bus, long[] t0s, long[] gateSeen, int warmup, int done) {
        int n = bus.recorded();
        long[] gate = new long[done];
        long[] busy = new long[done];
        int g = 0;
        int b = 0;
        long violations = 0;
        long afterInput = 0;
        long resumed = 0;
        int r = 0;
        for (int i = warmup - warmup % 2; i + 1 < done; i += 2) {
            long t0 = t0s[i];
            long closedSeen = gateSeen[i];
            long nextInput = t0s[i + 1];
            long lastEnd = Long.MIN_VALUE;
            while (r < n && bus.start(r) < t0) {
                r++;
            }
            while (r < n && bus.start(r) <= closedSeen) {
                lastEnd = Math.max(lastEnd, bus.end(r));
                afterInput++;
                r++;
            }
            while (r < n && bus.start(r) < nextInput) {
                violations++;
                r++;
            }
            gate[g++] = lastEnd == Long.MIN_VALUE ? 0 : lastEnd - t0;
            if (lastEnd != Long.MIN_VALUE) {
                busy[b++] = lastEnd - t0;
            }
            long reopened = i + 2 < done ? t0s[i + 2] : Long.MAX_VALUE;
            while (r < n && bus.start(r) < reopened) {
                resumed++;
                r++;
            }
        }
        print(label + "/gate", gate, 0, g);
        if (b > 0) {
            print(label + "/gate-when-reading", busy, 0, b);
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT label=%s/gate-check s2_inputs=%d reads_total=%d"
                        + " reads_between_input_and_close=%d reads_after_close=%d reads_while_s0=%d%n",
                label,
                g,
                bus.reads(),
                afterInput,
                violations,
                resumed);
    }

    private static void print(String label, long[] samples, int from, int to) {
        long[] part = java.util.Arrays.copyOfRange(samples, from, to);
        System.out.println(LatencyStats.of(part, part.length).resultLine(label));
    }
}
