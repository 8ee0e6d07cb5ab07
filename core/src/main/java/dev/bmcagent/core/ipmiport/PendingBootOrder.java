package dev.bmcagent.core.ipmiport;

import dev.bmcagent.core.host.BootOrderPort;
import dev.bmcagent.ipmi.command.oem.PendingOrder;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The declared boot order as the host's firmware sees it over OEM 30h/12h: {@code ApplyBootOrder} makes it
 * pending, the firmware's acknowledge (30h/13h) clears it (docs/SIMULATOR.md "Declared boot order mechanism"). Each
 * set and clear moves the order to its next revision, which 30h/12h sends with every chunk so that a host reading
 * the order in several responses notices a change between them (docs/HOST-INTERFACE.md "Get Pending Boot Order in
 * chunks").
 */
public final class PendingBootOrder implements BootOrderPort {
    private final AtomicReference<PendingOrder> pending = new AtomicReference<>(PendingOrder.NONE);
    private final AtomicLong applies = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();

    @Override
    public void apply(List<String> patterns) {
        pending.updateAndGet(p -> p.next(patterns));
        applies.incrementAndGet();
    }

    @Override
    public List<String> current() {
        return pending.get().patterns();
    }

    /** The pending patterns with their revision, read together (what 30h/12h serves). */
    public PendingOrder snapshot() {
        return pending.get();
    }

    /** The firmware acknowledged (written or ignored): nothing is pending any more. */
    public void acknowledge() {
        acknowledge(OptionalInt.empty());
    }

    /**
     * The firmware acknowledged the order of {@code revision} (empty: whatever is pending). A stale acknowledge --
     * an order was declared after the host read the one it acknowledges -- leaves the newer order pending for the
     * next POST.
     *
     * @return whether the pending order was cleared
     */
    public boolean acknowledge(OptionalInt revision) {
        PendingOrder before = pending.getAndUpdate(
                p -> revision.isPresent() && revision.getAsInt() != p.revision() ? p : p.next(List.of()));
        boolean cleared = revision.isEmpty() || revision.getAsInt() == before.revision();
        if (cleared) {
            acknowledged.incrementAndGet();
        }
        return cleared;
    }

    /** How many times an order was applied (re-applies count again). */
    public long applies() {
        return applies.get();
    }

    public long acknowledgements() {
        return acknowledged.get();
    }
}
