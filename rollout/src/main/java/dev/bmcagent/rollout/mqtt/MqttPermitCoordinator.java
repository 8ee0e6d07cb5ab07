package dev.bmcagent.rollout.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.mqtt.telemetry.PahoThreads;
import dev.bmcagent.rollout.permit.Grant;
import dev.bmcagent.rollout.permit.PermitLedger;
import dev.bmcagent.rollout.permit.PermitPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the reboot-permit coordinator over MQTT 5; run several. Requests and releases arrive through a
 * shared subscription (each reaches one instance), which turns them into entries of the <b>claim log</b>, the topic
 * {@link RolloutTopics#CLAIMS} every instance subscribes to. The broker delivers one topic's messages to every
 * subscriber in the same order, so every instance applies the same entries in the same order to its own
 * {@link PermitLedger} replica and reaches the same decisions, including the grant's sequence number: two
 * instances claiming the last slot (or the same host) at once are ordered by the log, the first wins everywhere, the
 * second is refused everywhere. The instance that logged a winning claim publishes the grant as a retained
 * document keyed by host; a release clears it (empty retained). A joining instance adopts the retained grants.
 *
 * <p>An instance killed mid-wave loses nothing that matters: a request it took but had not logged is repeated by
 * the agent (requests are idempotent per host); a claim it logged is in every replica, and when the agent repeats
 * its request another instance finds the host already holding the grant and publishes its document (same
 * sequence); a grant document already published stays retained. Leases bound everything else: leases are checked
 * whenever an entry is applied (there is no timer), and the instance that published an expired grant's document
 * clears it then.
 */
public final class MqttPermitCoordinator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttPermitCoordinator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Waiting(String host, String group, String reason, String instance) {}

    private final String brokerUri;
    private final String instance;
    private final PermitLedger ledger;
    private final Clock clock;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    /** Hosts whose current grant document this instance published (it clears them on expiry). */
    private final java.util.Set<String> published = new java.util.HashSet<>();

    private ScheduledThreadPoolExecutor threads;
    private MqttAsyncClient client;
    private long applied;
    private long observed;
    private int peak;
    private String user;
    private String password;

    public MqttPermitCoordinator(String brokerUri, String instance, PermitPolicy policy, Clock clock) {
        this.brokerUri = Objects.requireNonNull(brokerUri, "brokerUri");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.ledger = new PermitLedger(policy);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Logs in with {@code user} / {@code password} (e.g. the demo's coordinator login). Call before start. */
    public MqttPermitCoordinator withCredentials(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /** Connects, adopts retained grants, subscribes to the claim log, then to requests and releases (shared). */
    public synchronized void start() throws MqttException {
        threads = PahoThreads.create("rollout-" + instance);
        client = new MqttAsyncClient(
                brokerUri, "rollout-" + instance, new MemoryPersistence(), new TimerPingSender(threads), threads);
        client.setCallback(new Callback());
        MqttConnectionOptions c = new MqttConnectionOptions();
        c.setCleanStart(true);
        c.setAutomaticReconnect(true);
        c.setKeepAliveInterval(10);
        if (user != null) {
            c.setUserName(user);
            c.setPassword(password == null ? null : password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(c).waitForCompletion(15_000);
        client.subscribe(new String[] {RolloutTopics.grant("+"), RolloutTopics.CLAIMS}, new int[] {1, 1})
                .waitForCompletion(15_000);
        client.subscribe(
                        new String[] {
                            RolloutTopics.SHARE + RolloutTopics.PREFIX + "/request/#",
                            RolloutTopics.SHARE + RolloutTopics.PREFIX + "/release/#",
                            RolloutTopics.SHARE + RolloutTopics.PREFIX + "/observed/#"
                        },
                        new int[] {1, 1, 1})
                .waitForCompletion(15_000);
        log.info(
                "rollout coordinator {} up on {} (cap {} per fleet, {} per group)",
                instance,
                brokerUri,
                ledger.policy().fleetCap(),
                ledger.policy().maxPerGroup());
    }

    /** Permits this replica sees held now. */
    public synchronized int held() {
        return ledger.size();
    }

    /** Reboots the hosts did on their own, counted in flight (claim-log entries of type {@code observed}). */
    public synchronized long observed() {
        return observed;
    }

    /** Most permits and own reboots in flight at once that this replica saw. */
    public synchronized int peak() {
        return peak;
    }

    /** Claim-log entries applied. */
    public synchronized long applied() {
        return applied;
    }

    private synchronized void onMessage(String topic, MqttMessage m) throws IOException, MqttException {
        byte[] payload = m.getPayload();
        if (topic.startsWith(RolloutTopics.PREFIX + "/grant/")) {
            if (payload.length > 0 && m.isRetained()) {
                ledger.adopt(grantOf(JSON.readTree(payload)), clock.instant());
            }
            return;
        }
        if (topic.equals(RolloutTopics.CLAIMS)) {
            apply(JSON.readTree(payload));
            return;
        }
        String[] parts = topic.split("/", -1);
        if (parts.length != 5 || payload.length > 4096) {
            return; // bmc/rollout/{request,release}/<group>/<host>
        }
        JsonNode body = payload.length == 0 ? JSON.createObjectNode() : JSON.readTree(payload);
        ObjectNode entry = JSON.createObjectNode();
        entry.put(
                "type",
                switch (parts[2]) {
                    case "request" -> "claim";
                    case "observed" -> "observed";
                    default -> "release";
                });
        entry.put("hostId", parts[4]);
        entry.put("group", parts[3]);
        entry.put("reason", body.path("reason").asText(""));
        entry.put("instance", instance);
        client.publish(RolloutTopics.CLAIMS, JSON.writeValueAsBytes(entry), 1, false);
    }

    private void apply(JsonNode e) throws IOException, MqttException {
        applied++;
        Instant now = clock.instant();
        for (Grant expired : ledger.expire(now)) {
            if (published.remove(expired.hostId())) { // the lease ended: the document must not outlive it
                client.publish(RolloutTopics.grant(expired.hostId()), new byte[0], 1, true);
            }
        }
        String host = e.path("hostId").asText();
        String group = e.path("group").asText();
        boolean mine = instance.equals(e.path("instance").asText());
        if (e.path("type").asText().equals("release")) {
            waiting.removeIf(w -> w.host().equals(host));
            ledger.release(host);
            published.remove(host);
            if (mine) { // also when already released: the clearing document of a dead instance may be missing
                client.publish(RolloutTopics.grant(host), new byte[0], 1, true);
            }
            drain(now);
            return;
        }
        if (e.path("type").asText().equals("observed")) {
            if (ledger.observe(host, group, now).isPresent()) {
                observed++;
                peak = Math.max(peak, ledger.size());
            }
            return;
        }
        Optional<Grant> g = ledger.tryGrant(host, group, e.path("reason").asText(""), now);
        if (g.isPresent()) {
            peak = Math.max(peak, ledger.size());
            if (mine) {
                publishGrant(g.get());
            }
        } else if (waiting.size() < ledger.policy().fleetSize()
                && waiting.stream().noneMatch(w -> w.host().equals(host))) {
            // at most one entry per host, at most fleetSize entries: beyond, the agent's repeated request comes back
            waiting.add(new Waiting(
                    host, group, e.path("reason").asText(""), e.path("instance").asText()));
        }
    }

    private void drain(Instant now) throws IOException, MqttException {
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            Optional<Grant> g = ledger.tryGrant(w.host(), w.group(), w.reason(), now);
            if (g.isPresent()) {
                it.remove();
                peak = Math.max(peak, ledger.size());
                if (instance.equals(w.instance())) {
                    publishGrant(g.get());
                }
            }
        }
    }

    private void publishGrant(Grant g) throws IOException, MqttException {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("schema", 1);
        doc.put("hostId", g.hostId());
        doc.put("group", g.group());
        doc.put("seq", g.seq());
        doc.put("grantedAt", g.grantedAt().toString());
        doc.put("expiresAt", g.expiresAt().toString());
        doc.put("reason", g.reason());
        doc.put("instance", instance);
        MqttMessage m = new MqttMessage(JSON.writeValueAsBytes(doc), 1, true, new MqttProperties());
        client.publish(RolloutTopics.grant(g.hostId()), m);
        published.add(g.hostId());
    }

    static Grant grantOf(JsonNode d) {
        return new Grant(
                d.path("hostId").asText(),
                d.path("group").asText(),
                d.path("seq").asLong(),
                Instant.parse(d.path("grantedAt").asText()),
                Instant.parse(d.path("expiresAt").asText()),
                d.path("reason").asText(""));
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
            log.debug("close: {}", e.toString());
        }
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                onMessage(topic, message);
            } catch (IOException | MqttException | RuntimeException e) {
                log.warn("coordinator {}: dropped message on {}: {}", instance, topic, e.toString());
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
            log.warn("coordinator {}: disconnected: {}", instance, r);
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            log.warn("coordinator {}: {}", instance, e.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
