package dev.bmcagent.core.host;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** In-memory {@link BootOrderPort}: the host interface (or the simulated firmware) reads {@link #current()}. */
final class DeclaredBootOrder implements BootOrderPort {
    private final AtomicReference<List<String>> order = new AtomicReference<>(List.of());
    private final AtomicLong applies = new AtomicLong();

    @Override
    public void apply(List<String> patterns) {
        order.set(List.copyOf(patterns));
        applies.incrementAndGet();
    }

    @Override
    public List<String> current() {
        return order.get();
    }

    /** How many times an order was applied (re-applies after a firmware update count again). */
    public long applies() {
        return applies.get();
    }
}
