package dev.bmcagent.mqtt.broker;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubAckMessage;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: a thin adapter from decoded MQTT packets to {@link Broker}. Protocol violations close
 * the connection (MQTT 3.1.1 §4.8, MQTT 5 §4.13) and are logged; they never affect other clients.
 */
final class BrokerHandler extends SimpleChannelInboundHandler<MqttMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerHandler.class);

    private final Broker broker;
    private final AtomicInteger connections;
    private Session session;
    private BrokerAcl.Role role;
    private MqttVersion version = MqttVersion.MQTT_3_1_1;
    private Publication will;
    private boolean counted;
    private final Set<Integer> qos2Received = new HashSet<>();

    BrokerHandler(Broker broker, AtomicInteger connections) {
        this.broker = broker;
        this.connections = connections;
    }

    /** Rate-limited per message (a flood of bad clients is summarised, see {@link Broker#clientLog}). */
    private void logWarn(String format, Object... args) {
        broker.clientLog.warn(Broker.monotonicNow(), format, format, args);
    }

    private void logInfo(String format, Object... args) {
        broker.clientLog.info(Broker.monotonicNow(), format, format, args);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counted = true;
        if (connections.incrementAndGet() > broker.options().maxConnections()) {
            logWarn(
                    "MQTT connection from {} refused: {} connections is the limit",
                    ctx.channel().remoteAddress(),
                    broker.options().maxConnections());
            closeConnection(ctx);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
        if (msg.decoderResult().isFailure()) {
            Throwable cause = msg.decoderResult().cause();
            if (cause instanceof MqttUnacceptableProtocolVersionException) {
                ctx.writeAndFlush(connAck(
                                MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
                                false,
                                MqttProperties.NO_PROPERTIES))
                        .addListener(ChannelFutureListener.CLOSE);
            } else {
                logInfo("MQTT malformed packet from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
                closeConnection(ctx);
            }
            return;
        }
        MqttMessageType type = msg.fixedHeader().messageType();
        if (session == null && type != MqttMessageType.CONNECT) {
            logInfo(
                    "MQTT {} before CONNECT from {}: closing",
                    type,
                    ctx.channel().remoteAddress());
            closeConnection(ctx);
            return;
        }
        switch (type) {
            case CONNECT -> connect(ctx, (MqttConnectMessage) msg);
            case PUBLISH -> publish(ctx, (MqttPublishMessage) msg);
            case PUBACK ->
                broker.acknowledged(session, ((MqttMessageIdVariableHeader) msg.variableHeader()).messageId());
            case PUBREL -> {
                int id = ((MqttMessageIdVariableHeader) msg.variableHeader()).messageId();
                qos2Received.remove(id);
                ctx.writeAndFlush(new MqttMessage(
                                new MqttFixedHeader(MqttMessageType.PUBCOMP, false, MqttQoS.AT_MOST_ONCE, false, 2),
                                MqttMessageIdVariableHeader.from(id)))
                        .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            }
            case SUBSCRIBE -> subscribe(ctx, (MqttSubscribeMessage) msg);
            case UNSUBSCRIBE -> unsubscribe(ctx, (MqttUnsubscribeMessage) msg);
            case PINGREQ ->
                ctx.writeAndFlush(new MqttMessage(
                                new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)))
                        .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            case DISCONNECT -> {
                // MQTT 5 reason 04h "disconnect with will message" keeps the will; every other normal disconnect drops
                // it
                Object vh = msg.variableHeader();
                boolean keepWill = vh instanceof io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader r
                        && r.reasonCode() == 0x04;
                if (!keepWill) {
                    will = null;
                }
                closeConnection(ctx);
            }
            default -> {
                logInfo(
                        "MQTT unexpected {} from {}: closing",
                        type,
                        ctx.channel().remoteAddress());
                closeConnection(ctx);
            }
        }
    }

    private void connect(ChannelHandlerContext ctx, MqttConnectMessage msg) {
        if (session != null) {
            logInfo("MQTT second CONNECT from {}: closing", ctx.channel().remoteAddress());
            closeConnection(ctx);
            return;
        }
        var vh = msg.variableHeader();
        var payload = msg.payload();
        version = MqttVersion.fromProtocolNameAndLevel(vh.name(), (byte) vh.version());
        boolean v5 = version == MqttVersion.MQTT_5;
        String clientId = payload.clientIdentifier();
        MqttProperties ackProps = new MqttProperties();
        if (clientId == null || clientId.isEmpty()) {
            if (!v5 && !vh.isCleanSession()) {
                ctx.writeAndFlush(connAck(
                                MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                                false,
                                MqttProperties.NO_PROPERTIES))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            clientId = "auto-" + UUID.randomUUID();
            if (v5) {
                ackProps.add(new MqttProperties.StringProperty(MqttProperties.ASSIGNED_CLIENT_IDENTIFIER, clientId));
            }
        }
        BrokerAcl acl = broker.options().acl();
        BrokerAcl.Decision decision = acl.authenticate(
                vh.hasUserName() ? payload.userName() : null,
                vh.hasPassword() ? payload.passwordInBytes() : null,
                clientId);
        if (decision.refusal() == null && vh.isWillFlag() && !acl.mayPublish(decision.role(), payload.willTopic())) {
            decision = BrokerAcl.Decision.refused(BrokerAcl.Refusal.NOT_AUTHORIZED);
        }
        if (decision.refusal() != null) {
            broker.refusedConnects.increment();
            LOG.debug(
                    "MQTT CONNECT from {} (client id '{}') refused: {}",
                    ctx.channel().remoteAddress(),
                    clientId,
                    decision.refusal());
            ctx.writeAndFlush(connAck(refusalCode(decision.refusal()), false, MqttProperties.NO_PROPERTIES))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        role = decision.role();
        boolean persistent;
        if (v5) {
            var expiry = vh.properties().getProperty(MqttProperties.SESSION_EXPIRY_INTERVAL);
            persistent = expiry instanceof MqttProperties.IntegerProperty ip && ip.value() != null && ip.value() != 0;
        } else {
            persistent = !vh.isCleanSession();
        }
        if (vh.isWillFlag()) {
            will = new Publication(
                    payload.willTopic(),
                    payload.willMessageInBytes(),
                    Math.min(vh.willQos(), 1),
                    vh.isWillRetain(),
                    v5 && payload.willProperties() != null ? payload.willProperties() : MqttProperties.NO_PROPERTIES);
        }
        int keepAlive = vh.keepAliveTimeSeconds();
        if (keepAlive > 0) {
            ctx.pipeline().addFirst("idle", new IdleStateHandler(keepAlive * 3L / 2 + 1, 0, 0, TimeUnit.SECONDS));
        }
        Broker.Attached attached = broker.attach(clientId, vh.isCleanSession(), persistent, ctx.channel(), version);
        session = attached.session();
        if (v5) {
            ackProps.add(new MqttProperties.IntegerProperty(MqttProperties.SHARED_SUBSCRIPTION_AVAILABLE, 1));
            ackProps.add(new MqttProperties.IntegerProperty(MqttProperties.WILDCARD_SUBSCRIPTION_AVAILABLE, 1));
            ackProps.add(new MqttProperties.IntegerProperty(MqttProperties.RETAIN_AVAILABLE, 1));
            ackProps.add(new MqttProperties.IntegerProperty(MqttProperties.MAXIMUM_QOS, 1));
            ackProps.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MAXIMUM_PACKET_SIZE, broker.options().maxMessageBytes()));
            ackProps.add(new MqttProperties.IntegerProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER_AVAILABLE, 0));
        }
        ctx.writeAndFlush(connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, attached.resumed(), ackProps))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private void publish(ChannelHandlerContext ctx, MqttPublishMessage msg) {
        String topic = msg.variableHeader().topicName();
        int qos = msg.fixedHeader().qosLevel().value();
        int packetId = msg.variableHeader().packetId();
        if (!TopicFilter.isValidTopicName(topic) || qos > 2) {
            logInfo("MQTT client {} published to an invalid topic '{}': closing", session.clientId(), topic);
            closeConnection(ctx);
            return;
        }
        if (!broker.options().acl().mayPublish(role, topic)) {
            refusePublish(ctx, topic, qos, packetId);
            return;
        }
        byte[] payload = ByteBufUtil.getBytes(msg.payload());
        MqttProperties props =
                version == MqttVersion.MQTT_5 ? msg.variableHeader().properties() : MqttProperties.NO_PROPERTIES;
        Publication p = new Publication(topic, payload, qos, msg.fixedHeader().isRetain(), props);
        if (qos == 2) {
            ctx.writeAndFlush(new MqttMessage(
                            new MqttFixedHeader(MqttMessageType.PUBREC, false, MqttQoS.AT_MOST_ONCE, false, 2),
                            MqttMessageIdVariableHeader.from(packetId)))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            if (!qos2Received.add(packetId)) {
                return; // duplicate of an exactly-once message already routed
            }
        }
        broker.publish(p, session);
        if (qos == 1) {
            ctx.writeAndFlush(new MqttPubAckMessage(
                            new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 2),
                            MqttMessageIdVariableHeader.from(packetId)))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }

    /**
     * A PUBLISH the ACL refuses is never routed nor retained. MQTT 5: QoS 1 gets PUBACK and QoS 2 PUBREC with
     * reason code 0x87 Not authorized (the connection stays); QoS 0 has no acknowledgement, so the client gets
     * DISCONNECT 0x87 and the connection closes. MQTT 3.1.1 has no negative acknowledgement: §3.3.5 leaves "a
     * positive acknowledgement or close the connection", and we close it so the client sees the refusal.
     */
    private void refusePublish(ChannelHandlerContext ctx, String topic, int qos, int packetId) {
        broker.refusedPublishes.increment();
        LOG.debug("MQTT client {} ({}) may not publish to '{}': refused", session.clientId(), role, topic);
        byte notAuthorized = MqttReasonCodes.PubAck.NOT_AUTHORIZED.byteValue();
        if (version != MqttVersion.MQTT_5) {
            closeConnection(ctx);
        } else if (qos == 1) {
            ctx.writeAndFlush(new MqttPubAckMessage(
                            new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                            new MqttPubReplyMessageVariableHeader(
                                    packetId, notAuthorized, MqttProperties.NO_PROPERTIES)))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else if (qos == 2) {
            ctx.writeAndFlush(new MqttMessage(
                            new MqttFixedHeader(MqttMessageType.PUBREC, false, MqttQoS.AT_MOST_ONCE, false, 0),
                            new MqttPubReplyMessageVariableHeader(
                                    packetId, notAuthorized, MqttProperties.NO_PROPERTIES)))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else {
            will = null; // a refused client's departure is not an abnormal disconnect
            ctx.writeAndFlush(MqttMessageBuilders.disconnect()
                            .reasonCode(MqttReasonCodes.Disconnect.NOT_AUTHORIZED.byteValue())
                            .build())
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    private MqttConnectReturnCode refusalCode(BrokerAcl.Refusal refusal) {
        boolean v5 = version == MqttVersion.MQTT_5;
        return switch (refusal) {
            case BAD_USER_NAME_OR_PASSWORD ->
                v5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                        : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
            case NOT_AUTHORIZED ->
                v5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                        : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
            // 3.1.1 0x02 / 5 0x85: "a valid string but not allowed by the Server" (connAck maps it for 5)
            case CLIENT_ID_RESERVED -> MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
        };
    }

    private void subscribe(ChannelHandlerContext ctx, MqttSubscribeMessage msg) {
        List<Integer> codes = new ArrayList<>();
        for (MqttTopicSubscription sub : msg.payload().topicSubscriptions()) {
            TopicFilter.Parsed parsed = TopicFilter.parse(sub.topicFilter());
            if (parsed == null) {
                logInfo("MQTT client {} subscribed to an invalid filter '{}'", session.clientId(), sub.topicFilter());
                codes.add(
                        version == MqttVersion.MQTT_5
                                ? (int) MqttReasonCodes.SubAck.TOPIC_FILTER_INVALID.byteValue() & 0xFF
                                : 0x80);
                continue;
            }
            var option = sub.option();
            codes.add(broker.subscribe(
                    session,
                    parsed,
                    option.qos().value(),
                    option.isNoLocal(),
                    option.retainHandling().value()));
        }
        int[] granted = codes.stream().mapToInt(Integer::intValue).toArray();
        ctx.writeAndFlush(new MqttSubAckMessage(
                        new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                        MqttMessageIdVariableHeader.from(
                                        msg.idAndPropertiesVariableHeader().messageId())
                                .withEmptyProperties(),
                        new MqttSubAckPayload(granted)))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private void unsubscribe(ChannelHandlerContext ctx, MqttUnsubscribeMessage msg) {
        var builder = MqttMessageBuilders.unsubAck()
                .packetId(msg.idAndPropertiesVariableHeader().messageId());
        for (String filter : msg.payload().topics()) {
            TopicFilter.Parsed parsed = TopicFilter.parse(filter);
            boolean removed = parsed != null && broker.unsubscribe(session, parsed);
            if (version == MqttVersion.MQTT_5) {
                builder.addReasonCode(
                        removed
                                ? MqttReasonCodes.UnsubAck.SUCCESS.byteValue()
                                : MqttReasonCodes.UnsubAck.NO_SUBSCRIPTION_EXISTED.byteValue());
            }
        }
        ctx.writeAndFlush(builder.build()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            logInfo("MQTT client {} silent past its keep-alive: closing", session == null ? "?" : session.clientId());
            closeConnection(ctx);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            connections.decrementAndGet();
        }
        if (session != null) {
            if (will != null) {
                broker.publish(will, null);
                will = null;
            }
            broker.detach(session, ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        logInfo("MQTT connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        closeConnection(ctx);
    }

    private MqttConnAckMessage connAck(MqttConnectReturnCode code, boolean sessionPresent, MqttProperties props) {
        MqttConnectReturnCode effective = code;
        if (version == MqttVersion.MQTT_5 && code == MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED) {
            effective = MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID;
        }
        return MqttMessageBuilders.connAck()
                .returnCode(effective)
                .sessionPresent(sessionPresent)
                .properties(props)
                .build();
    }

    /**
     * Closes the connection. Nothing waits for the close: the channel's inactive event follows either way, and a
     * failed close leaves nothing for this handler to do.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the close outcome needs no handling (see above)
    private static void closeConnection(ChannelHandlerContext ctx) {
        ctx.close();
    }
}
