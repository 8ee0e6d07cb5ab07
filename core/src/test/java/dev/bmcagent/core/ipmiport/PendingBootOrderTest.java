package dev.bmcagent.core.ipmiport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.oem.PendingOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pending order's revision moves on every set and clear (docs/HOST-INTERFACE.md "Get Pending Boot Order in chunks"). */
class PendingBootOrderTest {
    private final PendingBootOrder pending = new PendingBootOrder();

    @Test
    void everySetAndClearIsANewRevision() {
        assertEquals(new PendingOrder(0, List.of()), pending.snapshot());
        pending.apply(List.of(".*v6.*", "P1"));
        assertEquals(new PendingOrder(1, List.of(".*v6.*", "P1")), pending.snapshot());
        pending.apply(List.of(".*v6.*", "P1")); // the same patterns again (a re-apply): still a new revision
        assertEquals(2, pending.snapshot().revision());
        pending.acknowledge();
        assertEquals(new PendingOrder(3, List.of()), pending.snapshot());
        assertEquals(List.of(), pending.current());
        assertEquals(2, pending.applies());
        assertEquals(1, pending.acknowledgements());
    }
}
