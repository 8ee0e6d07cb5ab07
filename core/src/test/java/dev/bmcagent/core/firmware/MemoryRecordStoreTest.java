package dev.bmcagent.core.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.acpi.lifecycle.DefaultHostLifecycle;
import dev.bmcagent.acpi.lifecycle.Effect;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecyclePolicy;
import dev.bmcagent.acpi.lifecycle.MemoryBaseline;
import dev.bmcagent.acpi.lifecycle.Transition;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DIMM present at the last good boot and missing now is "lost", also after an agent restart (real journals): the
 * lifecycle's one baseline, kept by its {@code RecordMemory} effects and restored into the state at start.
 */
class MemoryRecordStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path dir;

    private final DefaultHostLifecycle lifecycle = new DefaultHostLifecycle(LifecyclePolicy.defaults());

    private static LifecycleInput.MemoryReported report(int expected, Integer... slots) {
        return new LifecycleInput.MemoryReported(
                slots.length, expected, 32768L * slots.length, Optional.of(new TreeSet<>(List.of(slots))));
    }

    /** Applies {@code input} and carries out its RecordMemory effects, as HostAgent does. */
    private HostState feed(HostState s, LifecycleInput input, MemoryRecordStore store) {
        Transition t = lifecycle.apply(s, input, T0);
        t.effects().stream()
                .filter(Effect.RecordMemory.class::isInstance)
                .forEach(e -> store.record(((Effect.RecordMemory) e).memory()));
        return t.state();
    }

    private Stores open() throws Exception {
        return Stores.onDisk(dir, 10, JournalOptions.processCrashSafe(), new SecureRandom());
    }

    @Test
    void aDimmLostSinceTheLastGoodBootSurvivesARestart() throws Exception {
        try (Stores stores = open()) {
            MemoryRecordStore store = new MemoryRecordStore("host0", stores.settings());
            assertEquals(Optional.empty(), store.load());
            HostState s = feed(HostState.initial(T0), new LifecycleInput.PowerGood(true), store);
            s = feed(s, report(4, 0, 1, 2, 3), store); // good boot: all 4
            s = feed(s, report(4, 0, 1, 3), store); // slot 2 failed training
            s = feed(s, new LifecycleInput.MemoryReported(2, 4, 65536), store); // counts only: slots unchanged
            assertEquals(
                    List.of(
                            new MemoryBaseline.Dimm(0, true, false, 32768),
                            new MemoryBaseline.Dimm(1, true, false, 32768),
                            new MemoryBaseline.Dimm(2, false, true, 0),
                            new MemoryBaseline.Dimm(3, true, false, 32768)),
                    s.memory().dimms());
        }
        try (Stores stores = open()) {
            MemoryRecordStore store = new MemoryRecordStore("host0", stores.settings());
            HostState s = HostState.initial(T0).withMemory(store.load().orElseThrow());
            assertEquals(
                    new MemoryBaseline.Dimm(2, false, true, 0),
                    s.memory().dimms().get(2));
            s = feed(s, new LifecycleInput.PowerGood(true), store);
            s = feed(s, report(4, 0, 1, 3), store);
            assertTrue(
                    s.alerts().get(AlertKind.MISSING_MEMORY).detail().contains("last good boot had 4"),
                    "the alert compares with the restored baseline");
            s = feed(s, report(4, 0, 1, 2, 3), store); // replaced: good again
            assertEquals(
                    new MemoryBaseline.Dimm(2, true, false, 32768),
                    s.memory().dimms().get(2));
        }
    }

    @Test
    void aRecordWrittenBeforeTheBaselineMovedIntoTheLifecycleIsRead() throws Exception {
        try (Stores stores = open()) {
            // what HostMemory wrote under memory.host0: no goodBoot field
            stores.settings()
                    .put(
                            "memory.host0",
                            new ObjectMapper()
                                    .readTree("{\"expected\":4,\"totalMiB\":98304,\"slots\":[0,1,3],"
                                            + "\"lastGoodSlots\":[0,1,2,3]}"))
                    .get();
            MemoryBaseline m =
                    new MemoryRecordStore("host0", stores.settings()).load().orElseThrow();
            assertEquals(4, m.goodBoot(), "the good boot's count is its slots'");
            assertEquals(-1, m.thisBoot());
            assertEquals(
                    List.of(
                            new MemoryBaseline.Dimm(0, true, false, 32768),
                            new MemoryBaseline.Dimm(1, true, false, 32768),
                            new MemoryBaseline.Dimm(2, false, true, 0),
                            new MemoryBaseline.Dimm(3, true, false, 32768)),
                    m.dimms());
        }
    }

    @Test
    void anUnreadableRecordStartsWithoutABaseline() throws Exception {
        try (Stores stores = open()) {
            stores.settings()
                    .put("memory.host0", new ObjectMapper().readTree("{\"expected\":-3,\"totalMiB\":1}"))
                    .get();
            assertEquals(Optional.empty(), new MemoryRecordStore("host0", stores.settings()).load());
        }
    }
}
