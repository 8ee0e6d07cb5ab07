package dev.bmcagent.agent.ipmi;

import dev.bmcagent.agent.host.BootOrderPort;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The declared boot order as the host's firmware sees it over OEM 30h/12h: {@code ApplyBootOrder} makes it
 * pending, the firmware's acknowledge (30h/13h) clears it (docs/SIMULATOR.md "Declared boot order mechanism").
 */
public final class PendingBootOrder implements BootOrderPort {
    private final AtomicReference<List<String>> pending = new AtomicReference<>(List.of());
    private final AtomicLong applies = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();

    @Override
    public void apply(List<String> patterns) {
        pending.set(List.copyOf(patterns));
        applies.incrementAndGet();
    }

    @Override
    public List<String> current() {
        return pending.get();
    }

    /** The firmware acknowledged (written or ignored): nothing is pending any more. */
    public void acknowledge() {
        pending.set(List.of());
        acknowledged.incrementAndGet();
    }

    /** How many times an order was applied (re-applies count again). */
    public long applies() {
        return applies.get();
    }

    public long acknowledgements() {
        return acknowledged.get();
    }
}
