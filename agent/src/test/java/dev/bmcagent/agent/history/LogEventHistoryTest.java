package dev.bmcagent.agent.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.DefaultHostLifecycle;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.Transition;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.journal.DiskEventLog;
import dev.bmcagent.journal.JournalOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable history on a real disk event log: every lifecycle event round-trips; sequences survive restart. */
class LogEventHistoryTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    @TempDir
    Path dir;

    /** The events of a whole boot (power-on, S2, codes incl. an OEM one, boot error, S0, OS running, off). */
    static List<LifecycleEvent> bootEvents() {
        DefaultHostLifecycle l = new DefaultHostLifecycle();
        HostState s = HostState.initial(T0);
        List<LifecycleEvent> out = new ArrayList<>();
        List<LifecycleInput> inputs = List.of(
                new LifecycleInput.PowerGood(true),
                new LifecycleInput.AcpiReported(Optional.of(AcpiSystemState.S2_D2), Optional.of(AcpiDeviceState.D2)),
                new LifecycleInput.Progress(new ProgressCode.EfiStatusCode(1, 0x00051000, 0)),
                new LifecycleInput.Progress(new ProgressCode.PostCode(0x1234)),
                new LifecycleInput.BootError(
                        LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND,
                        "NIC0 HTTP IPv4",
                        dev.bmcagent.acpi.lifecycle.BootInterface.decode(0xA2, 0, 0x02)),
                new LifecycleInput.BootOrderDeclared(List.of(".*v6.*")),
                new LifecycleInput.BootOrderReported(List.of("HTTP v6 P1")),
                new LifecycleInput.AcpiReported(Optional.of(AcpiSystemState.S0_G0_D0), Optional.empty()),
                new LifecycleInput.OsBootComplete(),
                new LifecycleInput.HostDisconnected());
        Instant now = T0;
        for (LifecycleInput in : inputs) {
            now = now.plusSeconds(7);
            Transition t = l.apply(s, in, now);
            s = t.state();
            t.effects().stream()
                    .filter(e -> e instanceof dev.bmcagent.acpi.lifecycle.Effect.Emit)
                    .map(e -> ((dev.bmcagent.acpi.lifecycle.Effect.Emit) e).event())
                    .forEach(out::add);
        }
        return out;
    }

    @Test
    void everyEventRoundTripsAndSequencesContinueAfterRestart() throws Exception {
        Path file = dir.resolve("events.journal");
        List<LifecycleEvent> boot = bootEvents();
        assertTrue(boot.size() > 15, "a boot has many events: " + boot.size());
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        List<HostEvent> published = new ArrayList<>();
        try (DiskEventLog log = DiskEventLog.open(file, 100, JournalOptions.processCrashSafe())) {
            EventStream stream = new EventStream(new LogEventHistory(log), clock, () -> 0L, "run-1", Runnable::run);
            for (LifecycleEvent e : boot) {
                published.add(stream.publish("host3", e));
            }
        }
        try (DiskEventLog log = DiskEventLog.open(file, 100, JournalOptions.processCrashSafe())) {
            LogEventHistory h = new LogEventHistory(log);
            assertEquals(published, h.read("host3", 1, 10_000));
            assertEquals(boot.size(), h.lastSequence("host3"));
            assertEquals(0, h.lastSequence("host0"));
            assertEquals(published.subList(5, 7), h.read("host3", 6, 2));
            EventStream stream = new EventStream(h, clock, () -> 0L, "run-2", Runnable::run);
            HostEvent next = stream.publish("host3", boot.get(0));
            assertEquals(boot.size() + 1, next.sequence());
        }
    }

    @Test
    void readersFollowingTheStreamGetTheSameEventsFromMemoryAsFromTheLog() throws Exception {
        Path file = dir.resolve("events.journal");
        List<LifecycleEvent> boot = bootEvents();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (DiskEventLog log = DiskEventLog.open(file, 1_000, JournalOptions.processCrashSafe())) {
            LogEventHistory h = new LogEventHistory(log);
            EventStream stream = new EventStream(h, clock, () -> 0L, "run-1", Runnable::run);
            int rounds = LogEventHistory.RECENT / boot.size() + 3; // more events than the in-memory tail holds
            for (int i = 0; i < rounds; i++) {
                for (LifecycleEvent e : boot) {
                    stream.publish("host1", e);
                }
            }
            long last = h.lastSequence("host1");
            assertTrue(last > LogEventHistory.RECENT);
            LogEventHistory fresh = new LogEventHistory(log); // nothing in memory: reads the log
            for (long from : new long[] {1, last - LogEventHistory.RECENT + 1, last - 5, last}) {
                assertEquals(fresh.read("host1", from, 50), h.read("host1", from, 50), "from " + from);
            }
        }
    }

    /** SSE resume (issue #13 item 11): after any retained event, all hosts' later events in recording order. */
    @Test
    void readAfterResumesAcrossHostsInRecordingOrderFromMemoryAndAfterARestart() throws Exception {
        Path file = dir.resolve("events.journal");
        List<LifecycleEvent> boot = bootEvents();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        List<HostEvent> recorded = new ArrayList<>();
        try (DiskEventLog log = DiskEventLog.open(file, 1_000, JournalOptions.processCrashSafe())) {
            LogEventHistory h = new LogEventHistory(log);
            EventStream stream = new EventStream(h, clock, () -> 0L, "run-1", Runnable::run);
            for (LifecycleEvent e : boot) {
                recorded.add(stream.publish("host0", e));
                recorded.add(stream.publish("host2", e));
            }
            HostEvent mark = recorded.get(5);
            List<HostEvent> expected = recorded.subList(6, 16);
            assertEquals(Optional.of(expected), h.readAfter(mark.hostId(), mark.sequence(), 10));
            assertEquals(Optional.empty(), h.readAfter("host0", 999, 10), "an id never recorded");
        }
        try (DiskEventLog log = DiskEventLog.open(file, 1_000, JournalOptions.processCrashSafe())) {
            LogEventHistory restarted = new LogEventHistory(log); // nothing in memory: scans the log
            HostEvent mark = recorded.get(5);
            assertEquals(
                    Optional.of(recorded.subList(6, recorded.size())),
                    restarted.readAfter(mark.hostId(), mark.sequence(), 1_000));
            HostEvent lastOne = recorded.get(recorded.size() - 1);
            assertEquals(Optional.of(List.of()), restarted.readAfter(lastOne.hostId(), lastOne.sequence(), 10));
        }
    }
}
