package dev.bmcagent.core.event;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber of the {@link EventStream}: a bounded queue drained by one task at a time on the delivery
 * executor. When the queue is full the newest event is dropped for this subscriber only and counted; the
 * subscriber sees a gap in the per-host sequence numbers and can read the missing events from the history.
 */
public final class Subscription implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Subscription.class);

    private final String name;
    private final Predicate<HostEvent> filter;
    private final EventListener listener;
    private final Queue<HostEvent> queue;
    private final Executor executor;
    /** Removes this subscription from its stream (given itself, so the stream needs no reference to it first). */
    private final Consumer<Subscription> onClose;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    Subscription(
            String name,
            Predicate<HostEvent> filter,
            int capacity,
            EventListener listener,
            Executor executor,
            Consumer<Subscription> onClose) {
        this.name = Objects.requireNonNull(name, "name");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues {@code event} if it passes the filter; never blocks. */
    void offer(HostEvent event) {
        if (closed.get()) {
            return;
        }
        boolean wanted;
        try {
            wanted = filter.test(event);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            log.warn("subscriber {}: filter threw on {} #{}", name, event.hostId(), event.sequence(), e);
            return;
        }
        if (!wanted) {
            return;
        }
        if (!queue.offer(event)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || Long.bitCount(n) == 1) {
                log.warn(
                        "subscriber {} is slow: dropped {} #{} ({} dropped so far)",
                        name,
                        event.hostId(),
                        event.sequence(),
                        n);
            }
            return;
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                log.warn("subscriber {}: delivery executor rejected the drain task", name);
            }
        }
    }

    private void drain() {
        HostEvent event;
        while (!closed.get() && (event = queue.poll()) != null) {
            try {
                listener.onEvent(event);
                delivered.incrementAndGet();
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                log.warn("subscriber {} failed on {} #{}", name, event.hostId(), event.sequence(), e);
            }
        }
        draining.set(false);
        if (!closed.get() && !queue.isEmpty()) {
            scheduleDrain();
        }
    }

    public String name() {
        return name;
    }

    /** Events the listener accepted without throwing. */
    public long delivered() {
        return delivered.get();
    }

    /** Events dropped because this subscriber's queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Listener or filter exceptions. */
    public long failures() {
        return failures.get();
    }

    /** Stops delivery (queued events are discarded) and unsubscribes. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.accept(this);
        }
    }
}
