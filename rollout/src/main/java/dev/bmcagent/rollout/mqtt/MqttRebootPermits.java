package dev.bmcagent.rollout.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.agent.reboot.PermitAnswer;
import dev.bmcagent.agent.reboot.RebootPermits;
import dev.bmcagent.agent.reboot.RebootRequest;
import dev.bmcagent.agent.telemetry.PahoThreads;
import dev.bmcagent.agent.time.Scheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The agent's {@link RebootPermits} over MQTT: a request is published to {@code bmc/rollout/request/<group>/<host>}
 * and repeated every {@code retry} until the host's retained grant document {@code bmc/rollout/grant/<host>} shows
 * an unexpired grant (requests are idempotent per host, so repeats never get a second permit); a release is
 * published to {@code bmc/rollout/release/<group>/<host>}. Wrap it in
 * {@link dev.bmcagent.agent.reboot.DeadlineRebootPermits} for the unreachable-coordinator rule.
 */
public final class MqttRebootPermits implements RebootPermits, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String brokerUri;
    private final String clientId;
    private final Function<String, String> groupOf;
    private final Scheduler scheduler;
    private final Duration retry;
    private final Map<String, Consumer<PermitAnswer>> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> subscribed = new ConcurrentHashMap<>();
    private final Map<String, Boolean> holding = new ConcurrentHashMap<>();
    private final Map<String, Boolean> releasing = new ConcurrentHashMap<>();
    private ScheduledThreadPoolExecutor threads;
    private MqttAsyncClient client;

    public MqttRebootPermits(String brokerUri, String clientId, Function<String, String> groupOf, Scheduler scheduler,
                             Duration retry) {
        this.brokerUri = Objects.requireNonNull(brokerUri, "brokerUri");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.groupOf = Objects.requireNonNull(groupOf, "groupOf");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public synchronized void start() throws MqttException {
        threads = PahoThreads.create("permits-" + clientId);
        client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence(), new TimerPingSender(threads),
                threads);
        client.setCallback(new Callback());
        MqttConnectionOptions c = new MqttConnectionOptions();
        c.setCleanStart(true);
        c.setAutomaticReconnect(true);
        client.connect(c).waitForCompletion(15_000);
    }

    @Override
    public void request(RebootRequest request, Consumer<PermitAnswer> onAnswer) {
        String host = request.hostId();
        pending.put(host, onAnswer);
        try {
            if (subscribed.putIfAbsent(host, true) == null) {
                client.subscribe(RolloutTopics.grant(host), 1).waitForCompletion(15_000);
            }
        } catch (MqttException e) {
            subscribed.remove(host);
        }
        ask(request);
    }

    private void ask(RebootRequest request) {
        if (!pending.containsKey(request.hostId())) {
            return;
        }
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("schema", 1, "hostId", request.hostId(), "reason",
                    request.reason()));
            client.publish(RolloutTopics.request(groupOf.apply(request.hostId()), request.hostId()), body, 1, false);
        } catch (MqttException | IOException | RuntimeException e) {
            // not connected: the retry below asks again
        }
        scheduler.schedule(retry, () -> ask(request));
    }

    /**
     * Returns the host's permit: published now and repeated every {@code retry} until the grant document is cleared
     * (an instance that took the release and died before logging it does not leak the slot until the lease ends).
     */
    @Override
    public void release(String hostId) {
        pending.remove(hostId);
        holding.remove(hostId);
        releasing.put(hostId, true);
        sendRelease(hostId);
    }

    private void sendRelease(String hostId) {
        if (!releasing.containsKey(hostId)) {
            return;
        }
        try {
            client.publish(RolloutTopics.release(groupOf.apply(hostId), hostId),
                    "{}".getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException | RuntimeException e) {
            // repeated below
        }
        scheduler.schedule(retry, () -> sendRelease(hostId));
    }

    private void onGrant(String topic, byte[] payload) throws IOException {
        if (payload.length == 0) {
            releasing.remove(topic.substring(topic.lastIndexOf('/') + 1));
            return;
        }
        JsonNode d = JSON.readTree(payload);
        String host = d.path("hostId").asText();
        if (!topic.equals(RolloutTopics.grant(host))
                || !Instant.parse(d.path("expiresAt").asText()).isAfter(scheduler.clock().instant())) {
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
                    + d.path("expiresAt").asText() + " from " + d.path("instance").asText()));
        }
    }

    @Override
    public synchronized void close() {
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
            try {
                onGrant(topic, message.getPayload());
            } catch (IOException | RuntimeException e) {
                // malformed grant document: ignored, the request is repeated
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
