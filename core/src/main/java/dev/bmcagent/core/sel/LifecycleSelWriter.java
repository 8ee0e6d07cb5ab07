package dev.bmcagent.core.sel;

import dev.bmcagent.acpi.lifecycle.SelEvent;
import dev.bmcagent.core.host.SelWriter;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SelOutOfSpaceException;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the lifecycle's SEL events into a host's {@link SelStore} as IPMI system event records, encoded by the one
 * SEL table ({@link SelEvents#lifecycle}). The store stamps the time.
 */
public final class LifecycleSelWriter implements SelWriter {
    /** Records kept in memory while the SEL cannot be written (disk full), oldest first; beyond this, dropped. */
    static final int MAX_PENDING = 256;

    private static final Logger log = LoggerFactory.getLogger(LifecycleSelWriter.class);

    private final SelStore store;
    private final ArrayDeque<SelRecord> pending = new ArrayDeque<>();
    private long dropped;

    public LifecycleSelWriter(SelStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Appends the event's record. While the SEL refuses writes (disk full) the record is kept in memory, in order,
     * and written before the next one once space returns (it is stamped then); beyond {@value #MAX_PENDING} kept
     * records the oldest is dropped and counted. The SEL reports the refusal itself (overflow, no free space).
     */
    @Override
    public synchronized void append(SelEvent event, Instant at) {
        pending.addLast(SelRecord.of(0, 0, SelEvents.lifecycle(event)));
        try {
            while (!pending.isEmpty()) {
                store.append(pending.peekFirst());
                pending.removeFirst();
            }
        } catch (SelOutOfSpaceException e) {
            if (pending.size() == 1) {
                log.warn("SEL full ({}): keeping lifecycle records in memory until it can be written", e.getMessage());
            }
            while (pending.size() > MAX_PENDING) {
                pending.removeFirst();
                dropped++;
            }
        }
    }

    /** Records waiting for the SEL to accept writes again. */
    public synchronized int pending() {
        return pending.size();
    }

    /** Records dropped because more than {@value #MAX_PENDING} were waiting. */
    public synchronized long dropped() {
        return dropped;
    }
}
