package dev.bmcagent.mqtt.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.mqtt.telemetry.PahoThreads;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a fleet's telemetry over MQTT 5: phase counts and stuck hosts from the retained state and alert topics
 * (every instance sees all of them), and the events topic through a shared subscription (each event goes to one
 * instance of the group). Events are acknowledged only after they were handled (manual acks) and the session
 * survives a restart of this instance (clean start off, session expiry), so events that were not acknowledged
 * when an instance died are redelivered when it comes back. Alert events fire the {@link AlertActions}.
 */
public final class FleetMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FleetMonitor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often BMC silence ({@link MonitorOptions#staleAfter()}) is checked. */
    private static final java.time.Duration SILENCE_CHECK = java.time.Duration.ofSeconds(1);

    private final MonitorOptions options;
    private final Scheduler scheduler;
    private final PrintStream out;
    private final FleetView view;
    private final AlertActions actions;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final NewEventListener listener;
    private final AtomicLong newEvents = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean subscribed;
    private ScheduledThreadPoolExecutor threads;
    private MqttAsyncClient client;
    private Scheduler.Cancellable refresh;
    private Scheduler.Cancellable silence;

    /** Called for every event that is new to this instance (duplicates dropped), on a client thread. */
    @FunctionalInterface
    public interface NewEventListener {
        /**
         * Receives one new event.
         *
         * @param host  the host's topic path, e.g. {@code bmc/lab1/bmc7/host0}
         * @param event the event document (docs/MQTT.md)
         */
        void onNewEvent(String host, JsonNode event);
    }

    public FleetMonitor(MonitorOptions options, Scheduler scheduler, PrintStream out) {
        this(options, scheduler, out, (h, e) -> {});
    }

    public FleetMonitor(MonitorOptions options, Scheduler scheduler, PrintStream out, NewEventListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.options = Objects.requireNonNull(options, "options");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.out = Objects.requireNonNull(out, "out");
        this.view = new FleetView(options.staleAfter());
        this.actions = new AlertActions(
                options.instanceId(),
                out,
                options.webhook(),
                options.allowRemoteWebhook(),
                options.alertTopic(),
                this::publishAlert);
    }

    /** Connects (resuming this instance's session), subscribes and starts the periodic summary. */
    public synchronized void start() throws MqttException {
        threads = PahoThreads.create("monitor");
        try {
            client = new MqttAsyncClient(
                    options.brokerUri().toString(),
                    options.clientId(),
                    new MemoryPersistence(),
                    new TimerPingSender(threads),
                    threads);
            client.setManualAcks(true);
            client.setCallback(new Callback());
            MqttConnectionOptions c = new MqttConnectionOptions();
            c.setCleanStart(false);
            c.setSessionExpiryInterval(options.sessionExpiry().toSeconds());
            c.setAutomaticReconnect(true);
            c.setAutomaticReconnectDelay(1, 30);
            c.setKeepAliveInterval(30);
            options.username().ifPresent(c::setUserName);
            options.password().ifPresent(p -> c.setPassword(p.getBytes(StandardCharsets.UTF_8)));
            client.connect(c).waitForCompletion(15_000);
        } catch (MqttException | RuntimeException e) {
            kill();
            throw e;
        }
        if (!options.refresh().isZero()) {
            refresh = scheduler.scheduleAtFixedRate(options.refresh(), options.refresh(), this::printSummary);
        }
        if (!options.staleAfter().isZero()) {
            silence = scheduler.scheduleAtFixedRate(SILENCE_CHECK, SILENCE_CHECK, this::checkSilence);
        }
    }

    /** Starts and blocks until {@link #close()} (the CLI's main loop). */
    public void run() throws MqttException, InterruptedException {
        start();
        closed.await();
    }

    /** The fleet as this instance sees it now. */
    public FleetView.Snapshot snapshot() {
        return view.snapshot(scheduler.clock().instant());
    }

    /** Events new to this instance (duplicates not counted). */
    public long newEvents() {
        return newEvents.get();
    }

    public long malformed() {
        return malformed.get();
    }

    long webhookOk() {
        return actions.webhookOk();
    }

    /** Whether the broker acknowledged this instance's subscriptions. */
    public boolean subscribed() {
        return subscribed;
    }

    boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    private void checkSilence() {
        Instant now = scheduler.clock().instant();
        for (FleetView.BmcChange c : view.checkSilence(now)) {
            actions.bmc(c, now.toString());
        }
    }

    private void printSummary() {
        out.println(snapshot().render());
    }

    private void subscribe() {
        String root = options.topicRoot();
        String[] filters = {options.eventsFilter(), root + "/+/state", root + "/+/alerts/+", root + "/status"};
        try {
            // The callback API: Paho v5's subscribe(MqttSubscription, listener) throws IndexOutOfBounds.
            client.subscribe(filters, new int[] {1, 1, 1, 1}, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken t) {
                    subscribed = true;
                    log.info("monitor {} subscribed to {}", options.instanceId(), List.of(filters));
                }

                @Override
                public void onFailure(IMqttToken t, Throwable e) {
                    log.warn("monitor {}: subscribe failed: {}", options.instanceId(), e.toString());
                }
            });
        } catch (MqttException e) {
            log.warn("monitor {}: subscribe failed: {}", options.instanceId(), e.toString());
        }
    }

    private void handle(String topic, MqttMessage m) {
        byte[] payload = m.getPayload();
        int slash = topic.lastIndexOf('/');
        Instant now = scheduler.clock().instant();
        try {
            if (topic.endsWith("/status") && levels(topic) == levels(options.topicRoot()) + 1) {
                if (payload.length > 0) {
                    view.onStatus(topic.substring(0, slash), JSON.readTree(payload), now)
                            .ifPresent(c -> actions.bmc(c, now.toString()));
                }
            } else if (topic.endsWith("/events")) {
                String host = topic.substring(0, slash);
                JsonNode e = JSON.readTree(payload);
                long seq = e.path("sequence").asLong(-1);
                if (seq < 1) {
                    malformed.incrementAndGet();
                } else if (view.onEvent(host, seq, now) == FleetView.Verdict.NEW) {
                    newEvents.incrementAndGet();
                    try {
                        listener.onNewEvent(host, e);
                    } catch (RuntimeException ex) {
                        log.warn("monitor {}: event listener failed: {}", options.instanceId(), ex.toString());
                    }
                    String type = e.path("type").asText();
                    if (type.equals("AlertRaised") || type.equals("AlertCleared")) {
                        actions.fire(host, e, type.equals("AlertRaised"));
                    }
                }
            } else if (topic.endsWith("/state")) {
                view.onState(topic.substring(0, slash), JSON.readTree(payload), now);
            } else if (topic.contains("/alerts/")) {
                String host = topic.substring(0, topic.lastIndexOf("/alerts/"));
                view.onAlert(
                        host, topic.substring(slash + 1), payload.length == 0 ? null : JSON.readTree(payload), now);
            }
        } catch (IOException | RuntimeException e) {
            malformed.incrementAndGet();
        }
    }

    private static int levels(String topic) {
        return topic.split("/", -1).length;
    }

    private void publishAlert(String topic, byte[] body) {
        try {
            client.publish(topic, body, 1, false);
        } catch (MqttException e) {
            log.warn("monitor {}: cannot publish alert to {}: {}", options.instanceId(), topic, e.toString());
        }
    }

    /** Stops abruptly: no DISCONNECT, unacknowledged events stay with this instance's session (tests: a crash). */
    synchronized void kill() {
        if (refresh != null) {
            refresh.cancel();
        }
        if (silence != null) {
            silence.cancel();
        }
        if (client != null) {
            try {
                client.disconnectForcibly(0, 0, false);
            } catch (MqttException | RuntimeException e) {
                // down
            }
            try {
                client.close(true);
            } catch (MqttException | RuntimeException e) {
                // closed
            }
        }
        if (threads != null) {
            threads.shutdownNow();
        }
        closed.countDown();
    }

    @Override
    public synchronized void close() {
        if (client != null && client.isConnected()) {
            try {
                client.disconnect(2_000).waitForCompletion(3_000);
            } catch (MqttException | RuntimeException e) {
                // closing anyway
            }
        }
        kill();
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse r) {
            log.warn("monitor {} disconnected: {}", options.instanceId(), r);
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            log.warn("monitor {}: {}", options.instanceId(), e.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage m) throws MqttException {
            handle(topic, m);
            if (m.getQos() > 0) {
                client.messageArrivedComplete(m.getId(), m.getQos());
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // alert publications: fire and forget
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            subscribe();
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
