package dev.bmcagent.mqtt.broker;

import dev.bmcagent.common.log.RateLimitedLog;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's state and routing: sessions, subscriptions (plain and {@code $share/<group>/...}), retained
 * messages, QoS 1 in-flight windows and bounded queues. Every method runs on the broker's single event-loop
 * thread (see {@link EmbeddedBroker}), so nothing here locks.
 */
final class Broker {
    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

    private final BrokerOptions options;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Publication> retained = new LinkedHashMap<>();
    private final Map<String, Integer> shareCursor = new HashMap<>();
    private long disconnectCounter;

    final LongAdder published = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder retainedRefused = new LongAdder();
    /** CONNECTs refused by the ACL (credentials, reserved client id, will topic). */
    final LongAdder refusedConnects = new LongAdder();
    /** PUBLISHes refused by the ACL (never routed, never retained). */
    final LongAdder refusedPublishes = new LongAdder();

    /**
     * What clients' protocol errors and refusals log: a flood of bad connections (no login needed to send them)
     * writes a few lines and a count, not one line each.
     */
    final RateLimitedLog clientLog = new RateLimitedLog(LoggerFactory.getLogger(BrokerHandler.class));

    /** A monotonic instant for {@link #clientLog}'s windows (only differences matter; no wall clock). */
    static Instant monotonicNow() {
        return Instant.EPOCH.plusNanos(System.nanoTime());
    }

    Broker(BrokerOptions options) {
        this.options = options;
    }

    BrokerOptions options() {
        return options;
    }

    int onlineSessions() {
        int n = 0;
        for (Session s : sessions.values()) {
            if (s.online()) {
                n++;
            }
        }
        return n;
    }

    int retainedCount() {
        return retained.size();
    }

    /**
     * Opens (or resumes) the session for a connecting client; an online session with the same id is taken over
     * (its connection is closed, which publishes its will as for any abnormal disconnect).
     *
     * @return the session and whether an existing session was resumed
     */
    Attached attach(
            String clientId,
            boolean cleanStart,
            boolean persistent,
            Channel channel,
            io.netty.handler.codec.mqtt.MqttVersion version) {
        Session existing = sessions.get(clientId);
        if (existing != null && existing.online() && existing.channel() != channel) {
            LOG.info("MQTT client {} taken over by a new connection", clientId);
            Channel old = existing.channel();
            existing.detach(++disconnectCounter);
            old.close().addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }
        boolean resumed = existing != null && !cleanStart && existing.persistent();
        Session session;
        if (resumed) {
            session = existing;
        } else {
            if (existing != null) {
                discard(existing);
            }
            session = new Session(clientId, persistent);
            sessions.put(clientId, session);
            evictOfflineSessions();
        }
        session.attach(channel, version);
        if (resumed) {
            for (Map.Entry<Integer, Delivery> e : session.inflight().entrySet()) {
                write(session, e.getValue(), e.getKey(), true);
            }
            drainQueue(session);
        }
        return new Attached(session, resumed);
    }

    record Attached(Session session, boolean resumed) {}

    /** The connection of {@code session} closed (gracefully or not). */
    void detach(Session session, Channel channel) {
        if (session.channel() != channel) {
            return; // already taken over
        }
        session.detach(++disconnectCounter);
        if (session.persistent()) {
            handOverShared(session, false);
        } else {
            discard(session);
            sessions.remove(session.clientId(), session);
        }
    }

    private void discard(Session session) {
        handOverShared(session, true);
        session.inflight().clear();
        session.queue().clear();
    }

    /**
     * Gives the shared-subscription messages a departing member had in flight or queued to another online member
     * of the same group, so a monitor that dies mid-stream loses nothing. Plain-subscription messages stay with
     * a persistent session, or go with a clean one.
     */
    private void handOverShared(Session from, boolean all) {
        List<Delivery> moving = new ArrayList<>();
        for (Iterator<Delivery> it = from.inflight().values().iterator(); it.hasNext(); ) {
            Delivery d = it.next();
            if (d.shareGroup() != null) {
                moving.add(d);
                it.remove();
            }
        }
        for (Iterator<Delivery> it = from.queue().iterator(); it.hasNext(); ) {
            Delivery d = it.next();
            if (d.shareGroup() != null) {
                moving.add(d);
                it.remove();
            }
        }
        for (Delivery d : moving) {
            Session target = pickMember(d.shareGroup(), d.publication().topic(), from);
            if (target != null) {
                deliver(target, d);
            } else if (!all && from.persistent()) {
                from.enqueue(d, options.maxQueuedPerSession());
            } else {
                dropped.increment();
            }
        }
    }

    private void evictOfflineSessions() {
        if (sessions.size() <= options.maxSessions()) {
            return;
        }
        sessions.values().stream()
                .filter(s -> !s.online())
                .sorted(Comparator.comparingLong(Session::disconnectedSeq))
                .limit(sessions.size() - options.maxSessions())
                .toList()
                .forEach(s -> {
                    discard(s);
                    sessions.remove(s.clientId());
                });
    }

    /** Adds a subscription; returns the granted QoS (at most 1). Sends matching retained messages if asked. */
    int subscribe(Session session, TopicFilter.Parsed parsed, int requestedQos, boolean noLocal, int retainHandling) {
        int granted = Math.min(requestedQos, 1);
        boolean isNew = session.subscribe(new Session.Subscription(parsed.filter(), parsed.group(), granted, noLocal));
        boolean sendRetained = !parsed.shared() && (retainHandling == 0 || (retainHandling == 1 && isNew));
        if (sendRetained) {
            for (Publication p : retained.values()) {
                if (TopicFilter.matches(parsed.filter(), p.topic())) {
                    deliver(session, new Delivery(p, Math.min(granted, p.qos()), null, true));
                }
            }
        }
        return granted;
    }

    boolean unsubscribe(Session session, TopicFilter.Parsed parsed) {
        return session.unsubscribe(parsed.filter(), parsed.group());
    }

    /** Routes an application message from {@code publisher} (null for a will or the broker itself). */
    void publish(Publication p, Session publisher) {
        published.increment();
        if (p.retain()) {
            if (p.payload().length == 0) {
                retained.remove(p.topic());
            } else if (retained.containsKey(p.topic()) || retained.size() < options.maxRetained()) {
                retained.put(p.topic(), p);
            } else {
                retainedRefused.increment();
            }
        }
        Map<String, Session.Subscription> groupsSeen = new HashMap<>();
        for (Session s : sessions.values()) {
            int best = -1;
            for (Session.Subscription sub : s.subscriptions()) {
                if (!TopicFilter.matches(sub.filter(), p.topic())) {
                    continue;
                }
                if (sub.group() != null) {
                    groupsSeen.putIfAbsent(sub.group() + '\u0000' + sub.filter(), sub);
                } else if (!(sub.noLocal() && s == publisher)) {
                    best = Math.max(best, sub.qos());
                }
            }
            if (best >= 0) {
                deliver(s, new Delivery(p, Math.min(best, p.qos()), null, false));
            }
        }
        for (Map.Entry<String, Session.Subscription> g : groupsSeen.entrySet()) {
            Session.Subscription sub = g.getValue();
            Session target = pickMember(sub.group(), p.topic(), null);
            if (target != null) {
                deliver(target, new Delivery(p, Math.min(sub.qos(), p.qos()), sub.group(), false));
            } else {
                dropped.increment();
            }
        }
    }

    /** Round-robin over the online members of a share group whose filter matches the topic. */
    private Session pickMember(String group, String topic, Session excluded) {
        List<Session> members = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (s == excluded || !s.online()) {
                continue;
            }
            for (Session.Subscription sub : s.subscriptions()) {
                if (group.equals(sub.group()) && TopicFilter.matches(sub.filter(), topic)) {
                    members.add(s);
                    break;
                }
            }
        }
        if (members.isEmpty()) {
            return null;
        }
        members.sort(Comparator.comparing(Session::clientId));
        int cursor = shareCursor.merge(group, 1, Integer::sum);
        return members.get(Math.floorMod(cursor, members.size()));
    }

    private void deliver(Session s, Delivery d) {
        if (!s.online()) {
            if (s.persistent() && d.qos() > 0) {
                if (s.enqueue(d, options.maxQueuedPerSession())) {
                    dropped.increment();
                }
            }
            return;
        }
        if (d.qos() == 0) {
            write(s, d, 0, false);
        } else if (s.inflight().size() < options.maxInflight()) {
            int id = s.nextPacketId();
            s.inflight().put(id, d);
            write(s, d, id, false);
        } else if (s.enqueue(d, options.maxQueuedPerSession())) {
            dropped.increment();
        }
    }

    /** PUBACK from a subscriber: frees the slot and sends the next queued message. */
    void acknowledged(Session s, int packetId) {
        if (s.inflight().remove(packetId) != null) {
            drainQueue(s);
        }
    }

    private void drainQueue(Session s) {
        while (s.online()
                && s.inflight().size() < options.maxInflight()
                && !s.queue().isEmpty()) {
            deliver(s, s.queue().pollFirst());
        }
    }

    private void write(Session s, Delivery d, int packetId, boolean dup) {
        Publication p = d.publication();
        MqttQoS qos = MqttQoS.valueOf(d.qos());
        MqttProperties props = p.properties();
        MqttPublishMessage msg = new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, dup, qos, d.retainFlag(), 0),
                new MqttPublishVariableHeader(p.topic(), qos == MqttQoS.AT_MOST_ONCE ? -1 : packetId, props),
                Unpooled.wrappedBuffer(p.payload()));
        delivered.increment();
        s.channel().writeAndFlush(msg).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
