package dev.bmcagent.acpi.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.AlertKind;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The one memory baseline: the MISSING_MEMORY alert and the per-slot DIMM view (Redfish Memory) read the same last
 * good boot, and what survives a restart leaves the state as an effect.
 */
class MemoryBaselineTest {
    private static LifecycleInput.MemoryReported report(int expected, Integer... slots) {
        return new LifecycleInput.MemoryReported(
                slots.length, expected, 32768L * slots.length, Optional.of(new TreeSet<>(List.of(slots))));
    }

    private static List<Effect.RecordMemory> recorded(Host h) {
        return h.last.stream()
                .filter(Effect.RecordMemory.class::isInstance)
                .map(Effect.RecordMemory.class::cast)
                .toList();
    }

    @Test
    void aDimmLostSinceTheLastGoodBootIsTheAlertAndTheLostSlot() {
        Host h = new Host().powerOn();
        assertEquals(List.of(), h.state.memory().dimms(), "nothing before a report");
        h.feed(report(4, 0, 1, 2, 3)); // every expected DIMM: a good boot at once
        assertEquals(4, h.state.memory().goodBoot());
        assertEquals(1, recorded(h).size(), "the new baseline is kept durably");
        h.feed(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM)).feed(report(4, 0, 1, 3));
        assertTrue(h.state.alerts().get(AlertKind.MISSING_MEMORY).detail().contains("last good boot had 4"));
        h.feed(new LifecycleInput.MemoryReported(2, 4, 65536)); // counts only: the slot view stays
        assertEquals(
                List.of(
                        new MemoryBaseline.Dimm(0, true, false, 32768),
                        new MemoryBaseline.Dimm(1, true, false, 32768),
                        new MemoryBaseline.Dimm(2, false, true, 0),
                        new MemoryBaseline.Dimm(3, true, false, 32768)),
                h.state.memory().dimms());
        assertEquals(List.of(), recorded(h), "nothing durable changed");
        h.feed(new LifecycleInput.OsBootComplete());
        assertEquals(4, h.state.memory().goodBoot(), "a boot with a DIMM missing is not the new baseline");
        h.feed(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM)).feed(report(4, 0, 1, 2, 3));
        assertFalse(h.state.alerts().containsKey(AlertKind.MISSING_MEMORY));
        assertEquals(
                new MemoryBaseline.Dimm(2, true, false, 32768),
                h.state.memory().dimms().get(2));
    }

    @Test
    void aBootThatReachesTheOsWithoutTheAlertIsGoodWithItsSlots() {
        Host h = new Host().powerOn().feed(report(4, 0, 1, 2, 3)).feed(new LifecycleInput.OsBootComplete());
        assertEquals(List.of(), recorded(h), "already the baseline since its report");
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 3)), h.state.memory().goodSlots());
        assertEquals(h.state.memory(), h.state.memory().durable().withThisBoot(4));
    }

    @Test
    void aRestoredRecordKeepsTheBaselineAcrossARestart() {
        Host before = new Host().powerOn().feed(report(4, 0, 1, 2, 3));
        MemoryBaseline kept = recorded(before).get(0).memory();
        assertEquals(-1, kept.thisBoot(), "the boot in progress is not kept");
        Host after = new Host();
        after.state = after.state.withMemory(kept);
        after.powerOn().feed(report(4, 0, 1, 3));
        assertTrue(after.state.alerts().get(AlertKind.MISSING_MEMORY).detail().contains("last good boot had 4"));
        assertTrue(after.state.memory().dimms().get(2).lost());
    }

    @Test
    void aSlotBitmapMustAgreeWithTheCount() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new LifecycleInput.MemoryReported(3, 4, 1, Optional.of(new TreeSet<>(List.of(0, 1)))));
    }
}
