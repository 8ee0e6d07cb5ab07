package dev.bmcagent.mqtt.broker;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small embedded MQTT broker (3.1.1 and 5) for the demo and tests: QoS 0/1 (QoS 2 accepted from 3.1.1
 * publishers and delivered at 1), retained messages, last will, persistent sessions, and MQTT 5 shared
 * subscriptions ({@code $share/<group>/<filter>}) with hand-over of a departing member's messages. Loopback by
 * default, memory bounded by {@link BrokerOptions}, no outbound connections of any kind, no persistence (like
 * Mosquitto's default: sessions are forgotten on restart).
 *
 * <p>Why our own and not HiveMQ CE or Moquette: HiveMQ CE brings ~100 MB of dependencies and its own Netty
 * (the build allows one Netty); Moquette on Maven Central speaks only 3.1.1 and has no shared subscriptions.
 * Netty's MQTT codec (already pinned by the Vert.x BOM) does the wire format; this class does the routing.
 *
 * <p>All connections share one event-loop thread, so the broker state needs no locks.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final BrokerOptions options;
    private final Broker broker;
    private final AtomicInteger connections = new AtomicInteger();
    private EventLoopGroup group;
    private Channel serverChannel;

    public EmbeddedBroker(BrokerOptions options) {
        this.options = options;
        this.broker = new Broker(options);
    }

    /** Log lines about bad clients left out by the rate limit so far (a flood writes a summary, not a line each). */
    public long suppressedClientLogLines() {
        return broker.clientLog.suppressedTotal();
    }

    /** Binds and starts accepting clients; returns the bound address (useful with port 0). */
    public synchronized InetSocketAddress start() throws InterruptedException {
        if (serverChannel != null) {
            return (InetSocketAddress) serverChannel.localAddress();
        }
        checkExposure(options);
        group = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("mqtt-broker", true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("decoder", new MqttDecoder(options.maxMessageBytes()))
                                .addLast("encoder", MqttEncoder.INSTANCE)
                                .addLast("broker", new BrokerHandler(broker, connections));
                    }
                });
        try {
            serverChannel =
                    bootstrap.bind(options.bindAddress(), options.port()).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS)
                    .syncUninterruptibly();
            group = null;
            throw e;
        }
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("Embedded MQTT broker listening on {}:{}", bound.getHostString(), bound.getPort());
        return bound;
    }

    /** A consistent snapshot of the broker's counters (taken on its thread). */
    public Stats stats() {
        if (group == null) {
            return new Stats(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return onBrokerThread(() -> new Stats(
                connections.get(),
                broker.onlineSessions(),
                broker.retainedCount(),
                broker.published.sum(),
                broker.delivered.sum(),
                broker.dropped.sum(),
                broker.refusedConnects.sum(),
                broker.refusedPublishes.sum()));
    }

    /** Broker counters. */
    public record Stats(
            int connections,
            int onlineSessions,
            int retained,
            long published,
            long delivered,
            long dropped,
            long refusedConnects,
            long refusedPublishes) {}

    /**
     * Refuses, before binding, a broker off loopback without access control or with anonymous clients: only
     * loopback may be open (issue 11: one listener, one decision).
     */
    static void checkExposure(BrokerOptions o) {
        boolean loopback;
        try {
            loopback = java.net.InetAddress.getByName(o.bindAddress()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("bind address " + o.bindAddress() + " is not an address", e);
        }
        if (!loopback && (!o.acl().enforced() || o.acl().allowAnonymous())) {
            throw new IllegalArgumentException("the embedded broker on " + o.bindAddress() + " (not loopback) must "
                    + "require credentials: " + o.acl());
        }
    }

    private <T> T onBrokerThread(Callable<T> task) {
        try {
            return group.next().submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS)
                    .syncUninterruptibly();
            group = null;
            LOG.info("Embedded MQTT broker stopped");
        }
    }
}
