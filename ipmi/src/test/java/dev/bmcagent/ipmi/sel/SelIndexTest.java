package dev.bmcagent.ipmi.sel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one SEL index (both stores also run SelStoreContract through it): SEL order is key order, not id order. */
class SelIndexTest {
    private static SelRecord record(int id) {
        return SelRecord.of(id, 0x6000_0000L, SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED));
    }

    @Test
    void orderFollowsTheKeysAcrossAnIdWrap() {
        SelIndex index = new SelIndex(3);
        index.put(10, record(0xFFFE));
        index.put(11, record(0x0001)); // the id wrapped; SEL order did not
        assertEquals(0xFFFE, index.first().orElseThrow().recordId());
        assertEquals(0x0001, index.last().orElseThrow().recordId());
        assertEquals(OptionalInt.of(0x0001), index.nextId(0xFFFE));
        assertEquals(OptionalInt.empty(), index.nextId(0x0001));
        assertEquals(OptionalInt.empty(), index.nextId(0x1234));
    }

    @Test
    void fullDropsTheOldestAndSaysSo() {
        SelIndex index = new SelIndex(2);
        assertFalse(index.dropOldestIfFull());
        index.put(1, record(1));
        index.put(2, record(2));
        assertTrue(index.dropOldestIfFull());
        assertFalse(index.containsId(1));
        assertEquals(Optional.empty(), index.get(1));
        index.put(3, record(3));
        assertEquals(2, index.size());
        assertTrue(index.remove(2));
        assertFalse(index.remove(2));
        assertEquals(Set.of(3L), index.keys());
        index.clear();
        assertEquals(Optional.empty(), index.first());
    }
}
