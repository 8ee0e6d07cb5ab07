package dev.bmcagent.hostif;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.ipmi.message.CompletionCode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The host end of a VM link, behaving like QEMU's {@code ipmi-bmc-extern}: on connect it sends
 * {@code FF 01 A1} and {@code 08 <caps> A1}; it allows one outstanding request and fails it after
 * {@link #RESPONSE_TIMEOUT} with C3h (QEMU {@code extern_timeout()}), or with D2h when the link closes
 * (QEMU {@code chr_event(CHR_EVENT_CLOSED)}); control operations from the BMC go to a callback.
 * Used by tests and by the simulator's live mode.
 */
public final class HostInterfaceClient implements AutoCloseable {
    /** QEMU waits 4 s for a response ({@code continue_send()}: 4000000000 ns). */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(4);

    private final Scheduler scheduler;
    private final VmCapabilities capabilities;
    private final Consumer<VmControl> onControl;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Object lock = new Object();
    private volatile Channel channel;
    private int nextMsgId;
    private Pending pending;

    private record Pending(VmMessage request, CompletableFuture<VmMessage> future, Scheduler.Cancellable timer) {}

    /**
     * @param capabilities what to advertise (QEMU 7.2: {@link VmCapabilities#QEMU})
     * @param onControl    receives every control operation from the BMC (called on the I/O thread)
     */
    public HostInterfaceClient(Scheduler scheduler, VmCapabilities capabilities, Consumer<VmControl> onControl) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.onControl = Objects.requireNonNull(onControl, "onControl");
    }

    /** Connects and sends version and capabilities; throws {@link IllegalStateException} if it cannot. */
    public void connect(InetSocketAddress bmc) {
        var future = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new VmNettyDecoder(e -> {}), VmNettyEncoder.INSTANCE, new Inbound());
                    }
                })
                .connect(bmc)
                .awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new IllegalStateException("cannot connect to " + bmc, future.cause());
        }
        channel = future.channel();
        channel.write(VmControl.version()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        channel.writeAndFlush(VmControl.capabilities(capabilities)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    public boolean isConnected() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    /**
     * Sends one IPMI request; the future completes with the response (or a synthesized C3h on timeout,
     * D2h on disconnect). Fails with {@link IllegalStateException} if a request is outstanding.
     */
    public CompletableFuture<VmMessage> request(int netFn, int lun, int cmd, byte[] data) {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        VmMessage request;
        CompletableFuture<VmMessage> future = new CompletableFuture<>();
        synchronized (lock) {
            if (pending != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("a request is outstanding"));
            }
            request = new VmMessage(nextMsgId, netFn, lun, cmd, data);
            nextMsgId = (nextMsgId + 1) & 0xFF;
            Scheduler.Cancellable timer =
                    scheduler.schedule(RESPONSE_TIMEOUT, () -> fail(request, CompletionCode.TIMEOUT));
            pending = new Pending(request, future, timer);
        }
        ch.writeAndFlush(request).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        return future;
    }

    /** Sends a control operation (e.g. {@code 04 A1} "the machine was reset"). */
    public void send(VmControl control) {
        Channel ch = channel;
        if (ch != null) {
            ch.writeAndFlush(control).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }

    /** Writes raw bytes as they are (fuzzing, protocol tests). */
    public void sendRaw(byte[] bytes) {
        Channel ch = channel;
        if (ch != null) {
            ch.writeAndFlush(Unpooled.wrappedBuffer(bytes.clone())).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }

    /** Closes the connection (the machine "powers off"); the client can {@link #connect} again. */
    public void disconnect() {
        Channel ch = channel;
        if (ch != null) {
            ch.close().awaitUninterruptibly();
        }
    }

    @Override
    public void close() {
        disconnect();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private void fail(VmMessage request, CompletionCode code) {
        complete(request.msgId(), VmMessage.errorResponse(request, code));
    }

    private void complete(int msgId, VmMessage response) {
        Pending done;
        synchronized (lock) {
            if (pending == null || pending.request().msgId() != msgId) {
                return;
            }
            done = pending;
            pending = null;
        }
        done.timer().cancel();
        done.future().complete(response);
    }

    private final class Inbound extends SimpleChannelInboundHandler<VmFrame> {
        Inbound() {
            super(VmFrame.class);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, VmFrame frame) {
            if (frame instanceof VmControl control) {
                onControl.accept(control);
            } else if (frame instanceof VmMessage message && message.isResponse()) {
                complete(message.msgId(), message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Pending p;
            synchronized (lock) {
                p = pending;
            }
            if (p != null) {
                fail(p.request(), CompletionCode.INIT_IN_PROGRESS);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            closeConnection(ctx);
        }
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
