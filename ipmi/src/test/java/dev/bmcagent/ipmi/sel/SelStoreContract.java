package dev.bmcagent.ipmi.sel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.command.TestBmc;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SelStore} must have. A durable implementation extends this class and creates
 * its store in {@link #create(Clock, int)}.
 */
public abstract class SelStoreContract {
    protected final TestBmc.ManualClock clock = new TestBmc.ManualClock(TestBmc.START);
    private SelStore store;

    /** A fresh, empty store with the given capacity (records) stamping from {@code clock}. */
    protected abstract SelStore create(Clock clock, int capacity);

    @BeforeEach
    void setUp() {
        store = create(clock, 4);
    }

    private static SelRecord event(int offset) {
        return SelRecord.of(0, 0, SelEvents.firmwareProgress(offset));
    }

    @Test
    void emptyStore() {
        assertTrue(store.first().isEmpty());
        assertTrue(store.last().isEmpty());
        SelInfo info = store.info();
        assertEquals(0, info.entries());
        assertEquals(4 * 16, info.freeBytes());
        assertEquals(SelInfo.NEVER, info.lastAddTimestamp());
        assertEquals(SelInfo.NEVER, info.lastEraseTimestamp());
        assertFalse(info.overflow());
    }

    @Test
    void appendAssignsAscendingIdsAndStampsTime() {
        int a = store.append(event(1));
        clock.advance(Duration.ofSeconds(5));
        int b = store.append(event(2));
        assertNotEquals(0, a);
        assertTrue(b > a);
        SelRecord second = store.get(b).orElseThrow();
        assertEquals(b, second.recordId());
        assertEquals(TestBmc.START.getEpochSecond() + 5, second.timestamp());
        assertEquals(SelEvents.firmwareProgress(2), second.event());
        assertEquals(TestBmc.START.getEpochSecond() + 5, store.info().lastAddTimestamp());
    }

    @Test
    void firstLastAndNextFollowInsertionOrder() {
        int a = store.append(event(1));
        int b = store.append(event(2));
        int c = store.append(event(3));
        assertEquals(a, store.first().orElseThrow().recordId());
        assertEquals(c, store.last().orElseThrow().recordId());
        assertEquals(b, store.nextId(a).orElseThrow());
        assertEquals(c, store.nextId(b).orElseThrow());
        assertTrue(store.nextId(c).isEmpty());
        assertTrue(store.nextId(0x7777).isEmpty());
    }

    @Test
    void deletedIdsAreNeverReused() {
        int a = store.append(event(1));
        int b = store.append(event(2));
        clock.advance(Duration.ofSeconds(9));
        assertTrue(store.delete(b));
        assertFalse(store.delete(b));
        assertEquals(TestBmc.START.getEpochSecond() + 9, store.info().lastEraseTimestamp());
        int c = store.append(event(3));
        assertTrue(c > b);
        assertEquals(c, store.nextId(a).orElseThrow());
        store.clear();
        int d = store.append(event(4));
        assertTrue(d > c);
    }

    @Test
    void fullStoreDropsOldestAndSetsOverflowUntilClear() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.append(event(i)));
        }
        assertTrue(store.get(ids.get(0)).isEmpty());
        assertEquals(ids.get(1), store.first().orElseThrow().recordId());
        SelInfo info = store.info();
        assertEquals(4, info.entries());
        assertEquals(0, info.freeBytes());
        assertTrue(info.overflow());
        store.clear();
        assertFalse(store.info().overflow());
        assertEquals(0, store.info().entries());
    }

    @Test
    void idsWrapBeforeFFFFhAndSkipZero() {
        SelStore big = create(clock, 3);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 0xFFFF + 3; i++) {
            int id = big.append(SelRecord.of(0, 0, SelEvents.acpiState(AcpiSystemState.S0_G0_D0)));
            assertTrue(id >= 1 && id <= 0xFFFE, "id " + id);
            seen.add(id);
            assertEquals(id, big.last().orElseThrow().recordId());
        }
        assertEquals(0xFFFE, seen.size());
    }
}
