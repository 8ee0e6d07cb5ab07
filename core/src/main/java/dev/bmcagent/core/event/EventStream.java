package dev.bmcagent.core.event;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The agent's event stream: numbers each host's events, records them in the {@link EventHistory} and only then
 * delivers them to subscribers (durable first: MQTT and Redfish may use the history as their outbox).
 *
 * <p>Sequence numbers are per host, start after the history's last one (so they continue across restarts) and
 * are gap-free while the history accepts every event; an event the history refuses (disk full) keeps its number,
 * so the gap shows subscribers (MQTT, Redfish) that an event was lost. Publishing for one host is serialised; hosts
 * number their events independently, and subscribers receive all hosts' events in the history's recording order.
 *
 * <p>Delivery is asynchronous: each subscriber has a bounded queue drained on the delivery executor, one event at
 * a time, in publish order. A slow subscriber never blocks publishing: when its queue is full the event is
 * dropped for that subscriber only and counted ({@link Subscription#dropped()}); it can fill the gap from the
 * history. A listener that throws is logged and counted; others and later events are unaffected.
 */
public final class EventStream {
    /** Default per-subscriber queue capacity. */
    public static final int DEFAULT_CAPACITY = 1024;

    private final EventHistory history;
    private final Clock clock;
    private final LongSupplier monotonicNanos;
    private final long startNanos;
    private final String sessionId;
    private final Executor delivery;
    private final Map<String, HostSequence> sequences = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong notRecorded = new AtomicLong();
    /**
     * Held from the history append to the last offer: every subscriber receives events in the order the history
     * recorded them, across hosts too, so a reader can resume after any event with {@link EventHistory#readAfter}
     * (SSE Last-Event-ID). The disk history serialises its appends anyway; the offers only enqueue.
     */
    private final Object recordOrder = new Object();

    /**
     * @param history        where events are made durable before delivery
     * @param clock          the agent's clock (for {@link HostEvent#at()})
     * @param monotonicNanos a monotonic nanosecond source (e.g. {@code System::nanoTime}; virtual in the simulator)
     * @param sessionId      this agent run's id
     * @param delivery       runs subscriber deliveries (owned by the assembly; a pool, not the host threads)
     */
    public EventStream(
            EventHistory history, Clock clock, LongSupplier monotonicNanos, String sessionId, Executor delivery) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.monotonicNanos = Objects.requireNonNull(monotonicNanos, "monotonicNanos");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.startNanos = monotonicNanos.getAsLong();
    }

    /**
     * Records {@code event} for {@code hostId} and queues it to the subscribers.
     *
     * @return the recorded event, with its sequence number
     * @throws EventNotRecordedException when the history failed: nothing was delivered, the number is skipped
     */
    public HostEvent publish(String hostId, LifecycleEvent event) {
        Objects.requireNonNull(event, "event");
        HostSequence seq;
        try {
            seq = sequences.computeIfAbsent(hostId, h -> new HostSequence(history.lastSequence(h)));
        } catch (RuntimeException e) {
            notRecorded.incrementAndGet();
            throw new EventNotRecordedException(hostId + ": history unreadable, event not recorded: " + e, e);
        }
        synchronized (seq) {
            HostEvent recorded = new HostEvent(
                    hostId,
                    seq.last + 1,
                    sessionId,
                    clock.instant(),
                    Math.max(0, monotonicNanos.getAsLong() - startNanos),
                    event);
            synchronized (recordOrder) {
                try {
                    history.append(recorded);
                } catch (RuntimeException e) {
                    notRecorded.incrementAndGet();
                    seq.last = recorded.sequence(); // the number is skipped: subscribers see the loss as a gap
                    throw new EventNotRecordedException(
                            String.format(Locale.ROOT, "%s #%d not recorded: %s", hostId, recorded.sequence(), e), e);
                }
                seq.last = recorded.sequence();
                for (Subscription s : subscriptions) {
                    s.offer(recorded);
                }
            }
            return recorded;
        }
    }

    /** Subscribes to every event with the default capacity. */
    public Subscription subscribe(String name, EventListener listener) {
        return subscribe(name, e -> true, DEFAULT_CAPACITY, listener);
    }

    /** Subscribes to events passing {@code filter}; receives only events published after this call. */
    public Subscription subscribe(String name, Predicate<HostEvent> filter, int capacity, EventListener listener) {
        Subscription s = new Subscription(name, filter, capacity, listener, delivery, subscriptions::remove);
        subscriptions.add(s);
        return s;
    }

    /** Same as {@link Subscription#close()}. */
    public void unsubscribe(Subscription subscription) {
        subscription.close();
    }

    public String sessionId() {
        return sessionId;
    }

    /** The last recorded sequence number of {@code hostId} (0 when none). */
    public long lastSequence(String hostId) {
        HostSequence seq = sequences.get(hostId);
        if (seq == null) {
            return history.lastSequence(hostId);
        }
        synchronized (seq) {
            return seq.last;
        }
    }

    /** Events that could not be recorded (history failures) since start. */
    public long notRecorded() {
        return notRecorded.get();
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    private static final class HostSequence {
        long last;

        HostSequence(long last) {
            this.last = last;
        }
    }
}
