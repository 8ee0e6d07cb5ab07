package dev.bmcagent.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventHistoryTest {
    private static final Instant T0 = Instant.parse("2026-02-03T04:05:06Z");

    private static HostEvent event(String host, long seq) {
        return new HostEvent(host, seq, "s", T0, seq * 10, new LifecycleEvent.PostCodeSeen(0x10 + (int) seq, T0));
    }

    @Test
    void readsFromASequenceNumberAtMostMax() {
        InMemoryEventHistory h = new InMemoryEventHistory();
        for (long s = 7; s <= 12; s++) {
            h.append(event("host0", s)); // continues a journal whose start was trimmed
        }
        assertEquals(
                List.of(9L, 10L),
                h.read("host0", 9, 2).stream().map(HostEvent::sequence).toList());
        assertEquals(
                List.of(7L, 8L),
                h.read("host0", 1, 2).stream().map(HostEvent::sequence).toList());
        assertEquals(
                List.of(12L),
                h.read("host0", 12, 100).stream().map(HostEvent::sequence).toList());
        assertEquals(List.of(), h.read("host0", 13, 100));
        assertEquals(List.of(), h.read("host0", 9, 0));
        assertEquals(List.of(), h.read("host9", 1, 100));
        assertEquals(12, h.lastSequence("host0"));
        assertEquals(0, h.lastSequence("host9"));
    }

    @Test
    void rejectsGapsAndRepeats() {
        InMemoryEventHistory h = new InMemoryEventHistory();
        h.append(event("host0", 1));
        assertThrows(IllegalArgumentException.class, () -> h.append(event("host0", 3)));
        assertThrows(IllegalArgumentException.class, () -> h.append(event("host0", 1)));
        h.append(event("host0", 2));
        assertEquals(2, h.lastSequence("host0"));
    }
}
