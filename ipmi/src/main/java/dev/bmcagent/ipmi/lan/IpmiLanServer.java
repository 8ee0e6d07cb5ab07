package dev.bmcagent.ipmi.lan;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPMI-over-LAN UDP server (RMCP, port 623/6230) on Netty. Runs on its own single-threaded event loop, or on
 * a shared one given to the constructor (the agent's LAN servers of every host share one thread: a thread per host
 * was ~115 KiB of RSS per host for nothing, the processors being short and synchronized); each datagram goes to
 * the {@link DatagramProcessor}. {@link #stop()} releases the port (and shuts down the loop only if it owns it).
 */
public final class IpmiLanServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IpmiLanServer.class);

    /** Socket receive buffer: absorbs bursts (each IPMI datagram is small). */
    static final int RECEIVE_BUFFER = 1 << 20;

    private final IpmiLanOptions options;
    private final DatagramProcessor processor;
    private final LanCounters counters;
    private final EventLoopGroup shared;
    private EventLoopGroup group;
    private Channel channel;

    public IpmiLanServer(IpmiLanOptions options, DatagramProcessor processor, LanCounters counters) {
        this(options, processor, counters, null);
    }

    /** @param shared the event loop to run on, owned (and shut down) by the caller; null: one of its own */
    public IpmiLanServer(
            IpmiLanOptions options, DatagramProcessor processor, LanCounters counters, EventLoopGroup shared) {
        this.shared = shared;
        this.options = Objects.requireNonNull(options, "options");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** Binds and completes with the bound address (port 0 in the options picks a free port). */
    public synchronized CompletableFuture<InetSocketAddress> start() {
        if (channel != null) {
            return CompletableFuture.completedFuture(localAddress());
        }
        group = shared != null ? shared : new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER)
                .handler(new LanDatagramHandler(processor, counters));
        CompletableFuture<InetSocketAddress> result = new CompletableFuture<>();
        bootstrap.bind(options.bindAddress(), options.port()).addListener(f -> {
            if (f.isSuccess()) {
                synchronized (this) {
                    channel = ((ChannelFuture) f).channel();
                }
                LOG.info("IPMI LAN (RMCP+) listening on udp {}", localAddress());
                result.complete(localAddress());
            } else {
                if (shared == null) {
                    group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS)
                            .addListener(done -> result.completeExceptionally(f.cause()));
                } else {
                    result.completeExceptionally(f.cause());
                }
            }
        });
        return result;
    }

    /** Starts and waits for the bind. */
    public InetSocketAddress startBlocking() {
        return start().join();
    }

    public synchronized InetSocketAddress localAddress() {
        return channel == null ? null : (InetSocketAddress) channel.localAddress();
    }

    public LanCounters counters() {
        return counters;
    }

    /** Closes the socket and the event loop; completes when the port is released. */
    public synchronized CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Channel ch = channel;
        EventLoopGroup g = group;
        channel = null;
        group = null;
        if (g == null) {
            done.complete(null);
            return done;
        }
        Runnable shutdown = shared != null
                ? () -> done.complete(null)
                : () -> g.shutdownGracefully(0, 1, TimeUnit.SECONDS).addListener(x -> done.complete(null));
        if (ch != null) {
            ch.close().addListener(x -> shutdown.run());
        } else {
            shutdown.run();
        }
        return done;
    }

    @Override
    public void close() {
        stop().join();
    }
}
