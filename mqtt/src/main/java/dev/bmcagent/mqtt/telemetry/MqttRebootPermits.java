package dev.bmcagent.mqtt.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.reboot.DeadlineRebootPermits;
import dev.bmcagent.core.reboot.PermitAnswer;
import dev.bmcagent.core.reboot.PermitTopics;
import dev.bmcagent.core.reboot.RebootPermits;
import dev.bmcagent.core.reboot.RebootRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.SocketFactory;
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
 * The agent's {@link RebootPermits} over MQTT 5 (the coordinator's protocol, docs/ROLLOUT.md §5): a request is
 * published to {@code bmc/rollout/request/<group>/<host>} and repeated every {@code retry} until the host's retained
 * grant document {@code bmc/rollout/grant/<host>} shows an unexpired grant (requests are idempotent per host, so
 * repeats never get a second permit); a release is published to {@code bmc/rollout/release/<group>/<host>} and
 * repeated until the grant document is cleared; a reboot the host did on its own is reported once on
 * {@code bmc/rollout/observed/<group>/<host>}. Wrap it in {@link DeadlineRebootPermits} for the
 * unreachable-coordinator rule. The client (re)connects on its own: {@link #start()} does not fail when the broker
 * is down, it keeps trying every {@code retry}; subscriptions are renewed on every connect.
 */
public final class MqttRebootPermits implements RebootPermits, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttRebootPermits.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String brokerUri;
    private final String clientId;
    private final Function<String, String> groupOf;
    private final Scheduler scheduler;
    private final Duration retry;
    private final Map<String, Consumer<PermitAnswer>> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> holding = new ConcurrentHashMap<>();
    private final Map<String, Boolean> releasing = new ConcurrentHashMap<>();
    private final Map<String, Boolean> observedOpen = new ConcurrentHashMap<>();
    /** Topic → handler: renewed on every connect (clean start). */
    private final Map<String, BiConsumer<String, byte[]>> subscriptions = new ConcurrentHashMap<>();

    private volatile String user;
    private volatile String password;
    /** The login and TLS settings of {@link #withLogin} (null: {@link #withCredentials} or none). */
    private volatile MqttOptions login;

    private volatile SocketFactory sockets;
    private ScheduledThreadPoolExecutor threads;
    private MqttAsyncClient client;
    private volatile boolean closed;
    private volatile boolean warned;

    public MqttRebootPermits(
            String brokerUri, String clientId, Function<String, String> groupOf, Scheduler scheduler, Duration retry) {
        this.brokerUri = Objects.requireNonNull(brokerUri, "brokerUri");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.groupOf = Objects.requireNonNull(groupOf, "groupOf");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** Logs in with {@code user} / {@code password} (null password: user name only). Call before {@link #start()}. */
    public MqttRebootPermits withCredentials(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /**
     * Logs in and connects as {@code login} says, as telemetry does with it: its user name and password and, for
     * {@code ssl://}, its TLS trust (trust store, or the JDK's trust) with the broker's host name verified; the
     * socket factory is {@link MqttTls}'s, the one telemetry uses. {@code login}'s broker must be this client's.
     * Call before {@link #start()}.
     *
     * @throws IllegalArgumentException another broker, or the trust store cannot be read
     */
    public MqttRebootPermits withLogin(MqttOptions login) {
        if (!login.brokerUri().toString().equals(brokerUri)) {
            throw new IllegalArgumentException(
                    "login is for " + login.brokerUri() + ", the permit client's broker is " + brokerUri);
        }
        this.sockets = MqttTls.socketFactory(login).orElse(null);
        this.login = login;
        return withCredentials(login.username().orElse(null), login.password().orElse(null));
    }

    /** Connects (waiting at most 15 s); if the broker cannot be reached, keeps trying every {@code retry}. */
    public synchronized void start() throws MqttException {
        threads = PahoThreads.create("permits-" + clientId);
        client = new MqttAsyncClient(
                brokerUri, clientId, new MemoryPersistence(), new TimerPingSender(threads), threads);
        client.setCallback(new Callback());
        connect(true);
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions c = new MqttConnectionOptions();
        c.setCleanStart(true);
        c.setAutomaticReconnect(true);
        c.setAutomaticReconnectDelay(1, (int) Math.max(1, retry.toSeconds()));
        c.setConnectionTimeout(10);
        c.setKeepAliveInterval(15);
        if (user != null) {
            c.setUserName(user);
            if (password != null) {
                c.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (login != null) {
            MqttTls.apply(c, login, sockets);
        }
        return c;
    }

    private void connect(boolean wait) {
        if (closed) {
            return;
        }
        IMqttToken t;
        try {
            t = client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {}

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retryConnect(e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            retryConnect(e);
            return;
        }
        if (wait) {
            try {
                t.waitForCompletion(15_000);
            } catch (MqttException | RuntimeException e) {
                // the listener schedules the next attempt
            }
        }
    }

    /** Automatic reconnect only follows a first successful connect: until then, try again here. */
    private void retryConnect(Throwable e) {
        if (closed) {
            return;
        }
        if (!warned) { // once per outage, not every retry
            warned = true;
            log.warn(
                    "reboot permits: broker {} not reachable ({}); trying again every {}",
                    brokerUri,
                    e.toString(),
                    retry);
        } else {
            log.debug("reboot permits: broker {} still not reachable: {}", brokerUri, e.toString());
        }
        scheduler.schedule(retry, () -> {
            if (!client.isConnected()) {
                connect(false);
            }
        });
    }

    /** Whether the client is connected to the broker now. */
    public boolean connected() {
        return client != null && client.isConnected();
    }

    /**
     * Subscribes {@code topic} (QoS 1) for the life of this client, renewed after every reconnect; {@code handler}
     * gets (topic, payload) on Paho's thread. For the agent's other rollout topics (campaign updates).
     */
    public void subscribe(String topic, BiConsumer<String, byte[]> handler) {
        subscriptions.put(topic, handler);
        trySubscribe(topic);
    }

    private void trySubscribe(String topic) {
        try {
            if (client != null && client.isConnected()) {
                client.subscribe(topic, 1);
            }
        } catch (MqttException | RuntimeException e) {
            // renewed at the next connect
        }
    }

    /** Publishes {@code payload} (QoS 1, not retained); false when not connected (the caller decides to repeat). */
    public boolean publish(String topic, byte[] payload) {
        try {
            client.publish(topic, payload, 1, false);
            return true;
        } catch (MqttException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void request(RebootRequest request, Consumer<PermitAnswer> onAnswer) {
        String host = request.hostId();
        pending.put(host, onAnswer);
        subscribe(PermitTopics.grant(host), this::onGrantSafely);
        ask(request);
    }

    private void ask(RebootRequest request) {
        if (closed || !pending.containsKey(request.hostId())) {
            return;
        }
        try {
            byte[] body =
                    JSON.writeValueAsBytes(Map.of("schema", 1, "hostId", request.hostId(), "reason", request.reason()));
            publish(PermitTopics.request(groupOf.apply(request.hostId()), request.hostId()), body);
        } catch (IOException e) {
            // cannot happen for a map of strings
        }
        scheduler.schedule(retry, () -> ask(request));
    }

    /**
     * The host's boot ended (its OS runs again, or it powered off): a permit it holds is returned, published now
     * and repeated every {@code retry} until the grant document is cleared (an instance that took the release and
     * died before logging it does not leak the slot until the lease ends). After a reboot of the host's own
     * ({@link #observedReboot}) one release is sent; a request still waiting for a permit then stays (it is
     * repeated, so the coordinator queues it again). Nothing is sent for a host with neither.
     */
    @Override
    public void release(String hostId) {
        boolean held = holding.remove(hostId) != null;
        boolean observed = observedOpen.remove(hostId) != null;
        if (held) {
            pending.remove(hostId);
            releasing.put(hostId, true);
            sendRelease(hostId);
        } else if (observed) {
            publish(PermitTopics.release(groupOf.apply(hostId), hostId), "{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request is withdrawn (no more repeats) and whatever the host holds is returned. */
    @Override
    public void withdraw(String hostId) {
        boolean asked = pending.remove(hostId) != null;
        boolean held = holding.remove(hostId) != null;
        observedOpen.remove(hostId);
        if (asked || held) {
            releasing.put(hostId, true);
            sendRelease(hostId);
        }
    }

    /** A reboot the host did on its own: reported once, never blocked (the coordinator counts it in flight). */
    @Override
    public void observedReboot(String hostId) {
        observedOpen.put(hostId, true);
        try {
            publish(
                    PermitTopics.observed(groupOf.apply(hostId), hostId),
                    JSON.writeValueAsBytes(Map.of("schema", 1, "hostId", hostId, "reason", "host's own reboot")));
        } catch (IOException e) {
            // cannot happen for a map of strings
        }
    }

    private void sendRelease(String hostId) {
        if (closed || !releasing.containsKey(hostId)) {
            return;
        }
        publish(PermitTopics.release(groupOf.apply(hostId), hostId), "{}".getBytes(StandardCharsets.UTF_8));
        scheduler.schedule(retry, () -> sendRelease(hostId));
    }

    private void onGrantSafely(String topic, byte[] payload) {
        try {
            onGrant(topic, payload);
        } catch (IOException | RuntimeException e) {
            // malformed grant document: ignored, the request is repeated
        }
    }

    private void onGrant(String topic, byte[] payload) throws IOException {
        if (payload.length == 0) {
            releasing.remove(topic.substring(topic.lastIndexOf('/') + 1));
            return;
        }
        JsonNode d = JSON.readTree(payload);
        String host = d.path("hostId").asText();
        if (!topic.equals(PermitTopics.grant(host))
                || !Instant.parse(d.path("expiresAt").asText())
                        .isAfter(scheduler.clock().instant())) {
            return;
        }
        Consumer<PermitAnswer> a = pending.remove(host);
        if (a == null && !holding.containsKey(host)) {
            // a grant nobody waits for (a repeated request logged after the release): hand it back at once
            releasing.put(host, true);
            sendRelease(host);
            return;
        }
        if (a != null) {
            holding.put(host, true);
            a.accept(PermitAnswer.granted("permit #" + d.path("seq").asLong() + " until "
                    + d.path("expiresAt").asText() + " from "
                    + d.path("instance").asText()));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (client != null) {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(5_000);
                }
                client.close(true);
            }
        } catch (MqttException e) {
            // closing
        }
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            for (Map.Entry<String, BiConsumer<String, byte[]>> s : subscriptions.entrySet()) {
                if (s.getKey().equals(topic)) {
                    s.getValue().accept(topic, message.getPayload());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {}

        @Override
        public void mqttErrorOccurred(MqttException e) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (warned) {
                warned = false;
                log.info("reboot permits: connected to {}", serverURI);
            }
            subscriptions.keySet().forEach(MqttRebootPermits.this::trySubscribe);
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
