package dev.bmcagent.mqtt.telemetry;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.Subscription;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the agent's boot telemetry over MQTT (topics and payloads: docs/MQTT.md).
 *
 * <p>The {@link EventHistory} is the outbox: the event-stream subscription is only a wake-up, the worker reads
 * events from the history in order and sends them with QoS 1, at most {@link MqttLink#window()} in flight. The
 * broker's acknowledgements advance a per-host "acked" sequence that is saved in the data directory. Every
 * (re)connect resends from the acked sequence (duplicates allowed, detectable by sequence) and republishes the
 * retained state and alert documents from the live state. The host path never waits for the broker: all MQTT work
 * runs on this component's own worker thread; reconnect delays come from the {@link Scheduler}.
 */
public final class MqttTelemetry implements AutoCloseable {
    /**
     * Acknowledged events sent again per host after a lost connection: a broker without persistence (Mosquitto's
     * default) that crashes may have acknowledged events it never delivered. Duplicates are detectable by sequence.
     */
    static final long REPLAY_ACKED_ON_RECONNECT = 32;

    private static final Logger log = LoggerFactory.getLogger(MqttTelemetry.class);
    private static final int READ_BATCH = 256;

    private final MqttOptions options;
    private final EventStream stream;
    private final EventHistory history;
    private final Function<String, HostState> stateOf;
    private final List<String> hostIds;
    private final Scheduler scheduler;
    private final Topics topics;
    private final AckStore ackStore;
    private final MqttConnector connector;
    private final ExecutorService worker;
    private final LongSupplier elapsedNanos;
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sentEvents = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final Map<String, HostCursor> cursors = new LinkedHashMap<>();
    // worker-confined
    private MqttLink link;
    private int generation;
    private int inflight;
    private Duration backoff;
    private boolean ackDirty;
    private volatile boolean closing;
    /** Owned by the worker thread. */
    private List<String> storageProblems = List.of();

    private Subscription subscription;
    private volatile Scheduler.Cancellable stateTimer;
    private volatile String protocol = "";
    private volatile boolean up;
    private final Map<String, Long> ackedView = new ConcurrentHashMap<>();
    private volatile Function<String, Map<String, String>> firmwareOf = h -> Map.of();

    /**
     * Same as the full constructor with {@code elapsedNanos} counted from this publisher's construction.
     *
     * @param stateOf  the live state of a host (e.g. {@code id -> hosts.get(id).orElseThrow().state()})
     * @param hostIds  the hosts to publish
     */
    public MqttTelemetry(
            MqttOptions options,
            EventStream stream,
            EventHistory history,
            Function<String, HostState> stateOf,
            List<String> hostIds,
            Scheduler scheduler) {
        this(options, stream, history, stateOf, hostIds, scheduler, startedNow());
    }

    /**
     * @param stateOf      the live state of a host (e.g. {@code id -> hosts.get(id).orElseThrow().state()})
     * @param hostIds      the hosts to publish
     * @param elapsedNanos monotonic nanoseconds since the agent run started, for the {@code elapsedNanos} of the
     *                     state, alert and status documents (pass the event stream's base so that all documents
     *                     share one time line)
     */
    public MqttTelemetry(
            MqttOptions options,
            EventStream stream,
            EventHistory history,
            Function<String, HostState> stateOf,
            List<String> hostIds,
            Scheduler scheduler,
            LongSupplier elapsedNanos) {
        this.elapsedNanos = Objects.requireNonNull(elapsedNanos, "elapsedNanos");
        this.options = Objects.requireNonNull(options, "options");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.history = Objects.requireNonNull(history, "history");
        this.stateOf = Objects.requireNonNull(stateOf, "stateOf");
        this.hostIds = List.copyOf(hostIds);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.topics = new Topics(options.topicPrefix());
        this.ackStore = new AckStore(options.dataDir());
        this.connector = new MqttConnector(options, stream.sessionId());
        this.backoff = options.reconnectMin();
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "mqtt-telemetry");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Where the state document's {@code firmware} object comes from (component → version, e.g. the host's
     * {@code HostFirmware.firmwareVersions()}); without it the object is empty. Call before {@link #start()}.
     */
    public MqttTelemetry firmware(Function<String, Map<String, String>> versionsOf) {
        this.firmwareOf = Objects.requireNonNull(versionsOf, "versionsOf");
        return this;
    }

    /** A host's firmware versions changed: its retained state document is republished. Never blocks. */
    public void firmwareChanged(String hostId) {
        run(() -> {
            HostCursor c = cursors.get(hostId);
            if (c != null) {
                c.stateDirty = true;
                pump();
            }
        });
    }

    /** Loads the acked sequences, subscribes for wake-ups and starts connecting. Returns at once. */
    public void start() {
        Map<String, Long> saved = ackStore.load();
        for (String h : hostIds) {
            long last = history.lastSequence(h);
            long acked = Math.min(saved.getOrDefault(h, 0L), last);
            cursors.put(h, new HostCursor(acked));
            ackedView.put(h, acked);
        }
        if (!options.stateRefresh().isZero()) {
            stateTimer = scheduler.scheduleAtFixedRate(
                    options.stateRefresh(), options.stateRefresh(), () -> run(this::refreshStates));
        }
        Set<String> mine = Set.copyOf(hostIds);
        subscription = stream.subscribe(
                "mqtt-telemetry", e -> mine.contains(e.hostId()), EventStream.DEFAULT_CAPACITY, e -> wake());
        run(this::connect);
    }

    /**
     * The BMC's storage problems changed (disk full, or space back: empty): publishes or clears the retained
     * {@link Topics#storageAlert()}. It does not go through the event history, which is what cannot be written.
     */
    public void storageChanged(List<String> problems) {
        List<String> copy = List.copyOf(problems);
        run(() -> {
            storageProblems = copy;
            if (link != null) {
                publishStorage();
            }
        });
    }

    private void publishStorage() {
        byte[] payload = storageProblems.isEmpty()
                ? new byte[0]
                : TelemetryJson.bytes(TelemetryJson.storageAlert(
                        stream.sessionId(), storageProblems, scheduler.clock().instant(), elapsed()));
        send(new Outbound(topics.storageAlert(), payload, true, false, "", 0));
    }

    /** Asks the worker to send whatever the history has; never blocks. */
    private void wake() {
        if (pumpQueued.compareAndSet(false, true)) {
            run(() -> {
                pumpQueued.set(false);
                pump();
            });
        }
    }

    private void connect() {
        if (closing || link != null) {
            return;
        }
        int gen = ++generation;
        byte[] will = TelemetryJson.bytes(
                TelemetryJson.will(stream.sessionId(), scheduler.clock().instant()));
        try {
            MqttLink l = connector.connect(will, () -> run(() -> lost(gen, "connection lost")));
            if (closing || gen != generation) {
                l.close();
                return;
            }
            link = l;
            up = true;
            protocol = l.protocol();
            backoff = options.reconnectMin();
            log.info("MQTT connected to {} (MQTT {}, window {})", options.brokerUri(), l.protocol(), l.window());
            send(new Outbound(
                    topics.status(),
                    TelemetryJson.bytes(TelemetryJson.status(
                            stream.sessionId(), "online", scheduler.clock().instant(), elapsed())),
                    true,
                    false,
                    "",
                    0));
            for (HostCursor c : cursors.values()) {
                c.stateDirty = true;
                c.alertsDirty = true;
            }
            if (!storageProblems.isEmpty()) {
                publishStorage();
            }
            pump();
        } catch (Exception e) {
            connectFailures.incrementAndGet();
            log.warn(
                    "MQTT connect to {} failed: {}; retrying in {} ms",
                    options.brokerUri(),
                    e.toString(),
                    backoff.toMillis());
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        Duration delay = backoff;
        backoff = backoff.multipliedBy(2).compareTo(options.reconnectMax()) > 0
                ? options.reconnectMax()
                : backoff.multipliedBy(2);
        scheduler.schedule(delay, () -> run(this::connect));
    }

    private void lost(int gen, String why) {
        if (gen != generation || link == null) {
            return;
        }
        generation++;
        log.warn(
                "MQTT connection to {} lost ({}); resending from the last acknowledged events",
                options.brokerUri(),
                why);
        link.close();
        link = null;
        up = false;
        inflight = 0;
        cursors.values().forEach(c -> c.resendUnacknowledged(REPLAY_ACKED_ON_RECONNECT));
        if (!closing) {
            scheduleReconnect();
        }
    }

    private void pump() {
        if (link == null) {
            return;
        }
        for (Map.Entry<String, HostCursor> en : cursors.entrySet()) {
            String host = en.getKey();
            HostCursor c = en.getValue();
            long last = history.lastSequence(host);
            long skipped = c.skipTo(last - options.backlogBound() + 1);
            if (skipped > 0) {
                dropped.addAndGet(skipped);
                ackedView.put(host, c.acked);
            }
            while (link != null && inflight < link.window() && c.next <= last) {
                List<HostEvent> batch = history.read(host, c.next, Math.min(READ_BATCH, link.window() - inflight));
                if (batch.isEmpty()) {
                    break;
                }
                for (HostEvent e : batch) {
                    if (link == null) {
                        return;
                    }
                    c.sending(e.sequence());
                    LifecycleEvent ev = e.event();
                    if (ev instanceof LifecycleEvent.AlertRaised
                            || ev instanceof LifecycleEvent.AlertUpdated
                            || ev instanceof LifecycleEvent.AlertCleared) {
                        c.alertsDirty = true;
                    }
                    send(new Outbound(
                            topics.events(host),
                            TelemetryJson.bytes(TelemetryJson.event(e)),
                            false,
                            true,
                            host,
                            e.sequence()));
                }
            }
            if (link != null && c.stateDirty && inflight < link.window()) {
                publishState(host, c);
            }
            if (link != null && c.alertsDirty && inflight + AlertKind.values().length <= link.window()) {
                publishAlerts(host, c);
            }
        }
    }

    private void refreshStates() {
        cursors.values().forEach(c -> c.stateDirty = true);
        pump();
    }

    private void publishState(String host, HostCursor c) {
        c.stateDirty = false;
        HostState s = stateOf.apply(host);
        var doc = TelemetryJson.state(
                stream.sessionId(),
                host,
                history.lastSequence(host),
                s,
                scheduler.clock().instant(),
                elapsed());
        var fw = doc.putObject("firmware");
        firmwareOf.apply(host).forEach(fw::put);
        send(new Outbound(topics.state(host), TelemetryJson.bytes(doc), true, false, host, c.sent));
    }

    /** Retained alert topics follow the live state: active alerts set, others cleared (empty retained). */
    private void publishAlerts(String host, HostCursor c) {
        c.alertsDirty = false;
        HostState s = stateOf.apply(host);
        for (AlertKind k : AlertKind.values()) {
            Alert a = s.alerts().get(k);
            byte[] payload = a == null
                    ? new byte[0]
                    : TelemetryJson.bytes(TelemetryJson.alert(
                            stream.sessionId(),
                            host,
                            history.lastSequence(host),
                            a,
                            scheduler.clock().instant(),
                            elapsed()));
            send(new Outbound(topics.alert(host, k), payload, true, false, host, c.sent));
        }
    }

    private void send(Outbound m) {
        MqttLink l = link;
        int gen = generation;
        inflight++;
        try {
            l.publish(m, err -> run(() -> done(gen, m, err)));
            if (m.event()) {
                sentEvents.incrementAndGet();
            }
        } catch (Exception e) {
            lost(gen, "publish refused: " + e);
        }
    }

    private void done(int gen, Outbound m, Throwable err) {
        if (gen != generation) {
            return;
        }
        inflight--;
        if (err != null) {
            lost(gen, "publish failed: " + err);
            return;
        }
        if (m.event()) {
            HostCursor c = cursors.get(m.hostId());
            if (c.acknowledged(m.sequence())) {
                ackedView.put(m.hostId(), c.acked);
                markAckDirty();
            }
        }
        pump();
    }

    private void markAckDirty() {
        if (!ackDirty) {
            ackDirty = true;
            scheduler.schedule(Duration.ofMillis(200), () -> run(this::flushAcks));
        }
    }

    private void flushAcks() {
        ackDirty = false;
        Map<String, Long> acked = new TreeMap<>();
        cursors.forEach((h, c) -> acked.put(h, c.acked));
        try {
            ackStore.save(acked);
        } catch (RuntimeException e) {
            log.warn("cannot save MQTT acknowledged sequences: {}", e.toString());
        }
    }

    /** Runs {@code task} on the worker; after close, drops it (late client callbacks, wake-ups). */
    private void run(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private long elapsed() {
        return Math.max(0, elapsedNanos.getAsLong());
    }

    private static LongSupplier startedNow() {
        long start = System.nanoTime();
        return () -> System.nanoTime() - start;
    }

    /** Publishes "offline", saves the acked sequences and disconnects. */
    @Override
    public void close() {
        closing = true;
        if (stateTimer != null) {
            stateTimer.cancel();
        }
        if (subscription != null) {
            subscription.close();
        }
        try {
            worker.submit(() -> {
                        if (link != null) {
                            send(new Outbound(
                                    topics.status(),
                                    TelemetryJson.bytes(TelemetryJson.status(
                                                    stream.sessionId(),
                                                    "offline",
                                                    scheduler.clock().instant(),
                                                    elapsed())
                                            .put("reason", "shutdown")),
                                    true,
                                    false,
                                    "",
                                    0));
                        }
                    })
                    .get(5, TimeUnit.SECONDS);
            worker.submit(() -> {
                        if (link != null) {
                            link.disconnect(2_000);
                            link = null;
                            up = false;
                        }
                    })
                    .get(5, TimeUnit.SECONDS);
            // acknowledgements that arrived during the disconnect were queued before this task
            worker.submit(this::flushAcks).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("MQTT telemetry did not close cleanly: {}", e.toString());
        } finally {
            worker.shutdownNow();
        }
    }

    /** Whether a broker connection is up. */
    public boolean connected() {
        return up;
    }

    /** "5", "3.1.1", or "" before the first connection. */
    public String protocol() {
        return protocol;
    }

    /** The last sequence of {@code hostId} the broker acknowledged. */
    public long ackedSequence(String hostId) {
        return ackedView.getOrDefault(hostId, 0L);
    }

    /** Events skipped because the backlog bound was exceeded. */
    public long droppedEvents() {
        return dropped.get();
    }

    /** Event messages handed to the client (resends included). */
    public long sentEvents() {
        return sentEvents.get();
    }

    /** Failed connect attempts since start. */
    public long connectFailures() {
        return connectFailures.get();
    }
}
