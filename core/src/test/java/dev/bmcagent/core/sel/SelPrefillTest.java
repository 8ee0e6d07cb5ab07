package dev.bmcagent.core.sel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SelPrefillTest {
    final InMemorySelStore sel = new InMemorySelStore(
            new SelClock(Clock.fixed(Instant.parse("2026-12-06T06:00:00Z"), ZoneOffset.UTC)), 1200);

    @Test
    void appendsTheAnchorsNumberOfSystemEventRecords() {
        SelPrefill.fill(sel, SelPrefill.ANCHOR_RECORDS);
        assertEquals(1000, sel.info().entries());
        SelRecord first = sel.first().orElseThrow();
        assertEquals(SelRecord.TYPE_SYSTEM_EVENT, first.recordType());
        assertEquals(0x22, first.content()[3] & 0xFF, "first record: ACPI power state sensor type");
        assertEquals(false, sel.info().overflow());
    }

    @Test
    void refusesMoreThanTheSelHolds() {
        SelPrefill.fill(sel, 300);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SelPrefill.fill(sel, 901));
        assertEquals("SEL prefill of 901 records: the SEL has room for 900", e.getMessage());
        assertEquals(300, sel.info().entries(), "nothing appended by a refused prefill");
        assertThrows(IllegalArgumentException.class, () -> SelPrefill.fill(sel, -1));
    }
}
