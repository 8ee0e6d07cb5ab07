package dev.bmcagent.mqtt.broker;

import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client session: subscriptions, in-flight QoS 1 deliveries and a bounded queue. Confined to the broker's
 * single event-loop thread, so it needs no locking.
 */
final class Session {
    /** One subscription of this session. */
    record Subscription(String filter, String group, int qos, boolean noLocal) {}

    private final String clientId;
    private final boolean persistent;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<Integer, Delivery> inflight = new LinkedHashMap<>();
    private final Deque<Delivery> queue = new ArrayDeque<>();
    private Channel channel;
    private MqttVersion version = MqttVersion.MQTT_3_1_1;
    private int nextPacketId = 1;
    private long droppedMessages;
    private long disconnectedSeq;

    Session(String clientId, boolean persistent) {
        this.clientId = clientId;
        this.persistent = persistent;
    }

    String clientId() {
        return clientId;
    }

    boolean persistent() {
        return persistent;
    }

    Channel channel() {
        return channel;
    }

    boolean online() {
        return channel != null && channel.isActive();
    }

    void attach(Channel ch, MqttVersion v) {
        this.channel = ch;
        this.version = v;
    }

    void detach(long seq) {
        this.channel = null;
        this.disconnectedSeq = seq;
    }

    /** Order in which offline sessions went away (the oldest is dropped first when over the bound). */
    long disconnectedSeq() {
        return disconnectedSeq;
    }

    MqttVersion version() {
        return version;
    }

    List<Subscription> subscriptions() {
        return subscriptions;
    }

    /** Adds or replaces the subscription with the same (group, filter); returns true when it is new. */
    boolean subscribe(Subscription s) {
        boolean replaced = subscriptions.removeIf(
                old -> old.filter().equals(s.filter()) && java.util.Objects.equals(old.group(), s.group()));
        subscriptions.add(s);
        return !replaced;
    }

    boolean unsubscribe(String filter, String group) {
        return subscriptions.removeIf(
                old -> old.filter().equals(filter) && java.util.Objects.equals(old.group(), group));
    }

    Map<Integer, Delivery> inflight() {
        return inflight;
    }

    Deque<Delivery> queue() {
        return queue;
    }

    /** Queues a delivery, dropping the oldest when over {@code max}; returns true when one was dropped. */
    boolean enqueue(Delivery d, int max) {
        boolean dropped = false;
        while (queue.size() >= max) {
            queue.pollFirst();
            droppedMessages++;
            dropped = true;
        }
        queue.addLast(d);
        return dropped;
    }

    long droppedMessages() {
        return droppedMessages;
    }

    /** Next free packet identifier (1-65535, skipping ones still in flight). */
    int nextPacketId() {
        for (int i = 0; i < 65_535; i++) {
            int id = nextPacketId;
            nextPacketId = nextPacketId == 65_535 ? 1 : nextPacketId + 1;
            if (!inflight.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free packet id for " + clientId);
    }
}
