package dev.bmcagent.mqtt.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostCursorTest {

    @Test
    void ackedAdvancesOnlyOverAContiguousPrefix() {
        HostCursor c = new HostCursor(10);
        c.sending(11);
        c.sending(12);
        c.sending(13);
        assertFalse(c.acknowledged(12), "11 still in flight");
        assertEquals(10, c.acked);
        assertTrue(c.acknowledged(11));
        assertEquals(12, c.acked);
        assertTrue(c.acknowledged(13));
        assertEquals(13, c.acked);
    }

    @Test
    void aLostConnectionResendsFromTheAcknowledgedSequence() {
        HostCursor c = new HostCursor(0);
        c.sending(1);
        c.sending(2);
        c.acknowledged(1);
        c.resendUnacknowledged(0);
        assertEquals(2, c.next);
        assertEquals(1, c.acked);
    }

    @Test
    void aLostConnectionAlsoReplaysTheLastAcknowledgedEvents() {
        HostCursor c = new HostCursor(0);
        for (long s = 1; s <= 40; s++) {
            c.sending(s);
            c.acknowledged(s);
        }
        c.sending(41);
        c.resendUnacknowledged(32);
        assertEquals(9, c.next, "40 acknowledged - 32 replayed + 1");
        assertEquals(40, c.acked);
        c.resendUnacknowledged(100);
        assertEquals(1, c.next, "never before the first event");
    }

    @Test
    void backlogBoundSkipsOldestAndMarksDocumentsForRepublish() {
        HostCursor c = new HostCursor(0);
        c.stateDirty = false;
        assertEquals(40, c.skipTo(41));
        assertEquals(41, c.next);
        assertEquals(40, c.acked);
        assertTrue(c.stateDirty);
        assertEquals(0, c.skipTo(30));
    }
}
