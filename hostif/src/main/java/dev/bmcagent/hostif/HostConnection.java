package dev.bmcagent.hostif;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.host.HostLinkEvent;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.RequestContext;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted host connection (the last handler of its pipeline). Runs on the channel's event loop;
 * IPMI requests are dispatched on the server's dispatch executor and answered from there.
 *
 * <p>Trust and bounds ({@link HostPortLimits}): a peer outside the allow-list is closed at once; output above the
 * high-water mark stops reading from the peer (auto-read off) until it drains, and a peer that leaves it unread past
 * the deadline is disconnected; at most {@code maxInFlight} requests are dispatched at a time (the rest of what was
 * already read is answered C0h); a link silent for the idle timeout is probed with {@code FF 01 A1}.
 */
final class HostConnection extends SimpleChannelInboundHandler<VmFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(HostConnection.class);

    private final HostInterfaceServer server;
    private final HostPortLimits limits;
    private final int hostIndex;
    private volatile Channel channel;
    private volatile ChannelHandlerContext context;
    private volatile VmCapabilities capabilities = VmCapabilities.NONE;
    private volatile boolean capabilitiesReceived;
    private volatile boolean powerGood;
    private volatile Instant lastHeard = Instant.EPOCH;
    private boolean attached;
    private boolean waiting;
    private boolean announced;
    private int inFlight;
    private Scheduler.Cancellable capabilitiesTimer = () -> {};
    private Scheduler.Cancellable idleTimer = () -> {};
    private Scheduler.Cancellable unreadTimer = () -> {};

    HostConnection(HostInterfaceServer server) {
        super(VmFrame.class);
        this.server = server;
        this.limits = server.config().limits();
        this.hostIndex = server.hostIndex();
    }

    VmCapabilities capabilities() {
        return capabilities;
    }

    Channel channelOrNull() {
        return channel;
    }

    boolean powerGood() {
        return powerGood;
    }

    boolean isOpen() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    /** How long nothing arrived from the host. */
    Duration silentFor(Instant now) {
        return Duration.between(lastHeard, now);
    }

    void send(VmControl control) {
        Channel ch = channel;
        if (ch != null) {
            ch.writeAndFlush(control).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            server.stats().controlSent();
        }
    }

    /**
     * Liveness probe: {@code FF 01 A1} (VM_CMD_VERSION, which QEMU and ipmi_sim ignore). A dead peer answers the
     * segment with a reset, or the write fails: the link closes, and {@code channelInactive} reports it.
     */
    void probe() {
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        server.stats().probe();
        ch.writeAndFlush(VmControl.version()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    /** The dead link this connection waited on is gone: it is the host now (from any thread). */
    void promote() {
        ChannelHandlerContext ctx = context;
        ctx.executor().execute(() -> {
            waiting = false;
            if (!ctx.channel().isActive()) {
                HostConnection next = server.detach(this);
                if (next != null) {
                    next.promote();
                }
                return;
            }
            attach(ctx);
            if (capabilitiesReceived) {
                announce(ctx);
            }
        });
    }

    /** Closes a waiting newcomer (from any thread). */
    void refuse(String why) {
        ChannelHandlerContext ctx = context;
        ctx.executor().execute(() -> {
            waiting = false;
            reject(ctx, why);
        });
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        context = ctx;
        SocketAddress remote = ctx.channel().remoteAddress();
        if (!(remote instanceof InetSocketAddress inet)
                || inet.getAddress() == null
                || !server.config().allowedPeers().allows(inet.getAddress())) {
            server.stats().refusedPeer();
            server.warn(
                    "peer",
                    "host{}: connection from {} refused: not an allowed peer {}",
                    hostIndex,
                    remote,
                    server.config().allowedPeers());
            server.emit(new HostLinkEvent.ConnectionRejected(hostIndex, server.now(), String.valueOf(remote)));
            closeConnection(ctx);
            return;
        }
        switch (server.admit(this)) {
            case ATTACHED -> attach(ctx);
            case WAITING -> {
                waiting = true;
                lastHeard = server.now();
                LOG.info(
                        "host{}: connection from {} waits: the connected link is silent, probing it",
                        hostIndex,
                        remote);
            }
            case REFUSED -> {
                server.stats().rejected();
                reject(ctx, "a host is connected");
            }
        }
    }

    private void reject(ChannelHandlerContext ctx, String why) {
        String peer = String.valueOf(ctx.channel().remoteAddress());
        LOG.warn("host{}: connection from {} closed: {}", hostIndex, peer, why);
        server.emit(new HostLinkEvent.ConnectionRejected(hostIndex, server.now(), peer));
        closeConnection(ctx);
    }

    private void attach(ChannelHandlerContext ctx) {
        attached = true;
        lastHeard = server.now();
        LOG.info("host{}: host connected from {}", hostIndex, ctx.channel().remoteAddress());
        // As OpenIPMI's ipmi_sim greets (vm_connected() then resend_atn()): FF 01 A1, then 00 A1
        // (attention clear: nothing pending after a BMC restart).
        ctx.write(VmControl.version()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        ctx.writeAndFlush(VmControl.of(VmCodes.OP_NOATTN)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        capabilitiesTimer = server.scheduler()
                .schedule(
                        server.config().capabilitiesWait(), () -> ctx.executor().execute(() -> announce(ctx)));
        scheduleIdleCheck(ctx, limits.idleTimeout());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        capabilitiesTimer.cancel();
        idleTimer.cancel();
        unreadTimer.cancel();
        if (waiting) {
            waiting = false;
            server.withdraw(this);
            return;
        }
        if (!attached) {
            return;
        }
        attached = false;
        HostConnection next = server.detach(this);
        if (announced) {
            LOG.info("host{}: host disconnected", hostIndex);
            server.emit(new HostLinkEvent.Disconnected(hostIndex, server.now(), "connection closed"));
            setPowerGood(false);
        }
        server.state().reset();
        if (next != null) {
            next.promote();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead(ctx);
        if (ctx.channel().isWritable()) {
            unreadTimer.cancel();
        } else {
            unreadTimer.cancel();
            unreadTimer = server.scheduler()
                    .schedule(limits.unreadDeadline(), () -> ctx.executor().execute(() -> dropIfUnread(ctx)));
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void dropIfUnread(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && !ctx.channel().isWritable()) {
            server.stats().droppedNonReader();
            server.warn(
                    "unread",
                    "host{}: peer {} left {} bytes unread for {}: disconnected",
                    hostIndex,
                    ctx.channel().remoteAddress(),
                    limits.writeHighWater(),
                    limits.unreadDeadline());
            closeConnection(ctx);
        }
    }

    private void updateAutoRead(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable() && inFlight < limits.maxInFlight());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, VmFrame frame) {
        lastHeard = server.now();
        if (waiting && frame instanceof VmControl c && c.op() == VmCodes.OP_CAPABILITIES && c.arg0() >= 0) {
            capabilities = new VmCapabilities(c.arg0());
            capabilitiesReceived = true;
        }
        if (!attached) {
            return;
        }
        if (frame instanceof VmControl control) {
            server.stats().controlReceived();
            onControl(ctx, control);
        } else {
            onMessage(ctx, (VmMessage) frame);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        server.warn("io", "host{}: connection error, closing: {}", hostIndex, cause.toString());
        closeConnection(ctx);
    }

    private void scheduleIdleCheck(ChannelHandlerContext ctx, Duration delay) {
        idleTimer = server.scheduler().schedule(delay, () -> ctx.executor().execute(() -> idleCheck(ctx)));
    }

    private void idleCheck(ChannelHandlerContext ctx) {
        if (!attached || !ctx.channel().isActive()) {
            return;
        }
        Duration silent = silentFor(server.now());
        if (silent.compareTo(limits.idleTimeout()) >= 0) {
            probe();
            scheduleIdleCheck(ctx, limits.idleTimeout());
        } else {
            scheduleIdleCheck(ctx, limits.idleTimeout().minus(silent));
        }
    }

    private void onControl(ChannelHandlerContext ctx, VmControl control) {
        switch (control.op()) {
            case VmCodes.OP_VERSION -> {
                if (control.arg0() != VmCodes.PROTOCOL_VERSION) {
                    server.warn(
                            "version",
                            "host{}: peer speaks VM protocol version {}, expected 1",
                            hostIndex,
                            control.arg0());
                }
            }
            case VmCodes.OP_CAPABILITIES -> {
                if (control.arg0() < 0) {
                    server.stats().countUnexpected();
                    return;
                }
                capabilities = new VmCapabilities(control.arg0());
                capabilitiesReceived = true;
                if (announced) {
                    LOG.info("host{}: capabilities changed to {}", hostIndex, capabilities);
                } else {
                    announce(ctx);
                }
            }
            case VmCodes.OP_RESET -> {
                announce(ctx);
                LOG.info("host{}: host reports a system reset", hostIndex);
                server.state().reset();
                server.emit(new HostLinkEvent.HostReset(hostIndex, server.now()));
            }
            case VmCodes.OP_POWER_STATE -> {
                if (!capabilities.has(VmCapabilities.POWER_ON_EXTENSION) || control.arg0() < 0) {
                    unexpected(control);
                    return;
                }
                announce(ctx);
                setPowerGood(control.arg0() != 0);
            }
            default -> unexpected(control);
        }
    }

    private void unexpected(VmControl control) {
        server.stats().countUnexpected();
        server.warn("op", "host{}: ignored control operation {}", hostIndex, control);
    }

    private void onMessage(ChannelHandlerContext ctx, VmMessage message) {
        announce(ctx);
        if (message.isResponse()) {
            server.stats().countUnexpected();
            server.warn("response", "host{}: ignored a response from the host: {}", hostIndex, message);
            return;
        }
        Channel ch = ctx.channel();
        if (!ch.isWritable()) {
            return; // the peer does not read what it asked for: no more output until it does (or is dropped)
        }
        if (server.quiescing()) {
            // the agent is stopping: not dispatched, the host sends it again (to this agent's successor)
            ch.writeAndFlush(VmMessage.errorResponse(message, CompletionCode.INIT_IN_PROGRESS))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            return;
        }
        if (inFlight >= limits.maxInFlight()) {
            server.stats().busy();
            ch.writeAndFlush(VmMessage.errorResponse(message, CompletionCode.NODE_BUSY))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            return;
        }
        server.stats().request();
        inFlight++;
        updateAutoRead(ctx);
        server.answerStarted();
        try {
            server.dispatchExecutor().execute(() -> {
                VmMessage answer = answer(message);
                try {
                    ctx.executor().execute(() -> {
                        inFlight--;
                        updateAutoRead(ctx);
                        ch.writeAndFlush(answer)
                                .addListener(f -> server.answerWritten())
                                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                    });
                } catch (RejectedExecutionException gone) {
                    server.answerWritten(); // the event loop is shut down: the link is gone, nothing to write
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight--;
            updateAutoRead(ctx);
            ch.writeAndFlush(VmMessage.errorResponse(message, CompletionCode.NODE_BUSY))
                    .addListener(f -> server.answerWritten())
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }

    private VmMessage answer(VmMessage message) {
        IpmiRequest request = new IpmiRequest(
                RequestContext.systemInterface(hostIndex),
                message.netFn(),
                message.lun(),
                message.cmd(),
                message.payload());
        IpmiResponse response;
        try {
            response = server.dispatcher().dispatch(request);
        } catch (RuntimeException e) {
            LOG.error("host{}: dispatch of {} failed", hostIndex, message, e);
            response = IpmiResponse.error(CompletionCode.UNSPECIFIED);
        }
        return VmMessage.response(message, response);
    }

    /** First sign of life with (or without) capabilities: tell the agent once. */
    private void announce(ChannelHandlerContext ctx) {
        if (announced || !attached) {
            return;
        }
        announced = true;
        capabilitiesTimer.cancel();
        VmCapabilities caps = capabilities;
        LOG.info("host{}: host link up, {}", hostIndex, caps);
        server.emit(new HostLinkEvent.Connected(
                hostIndex, server.now(), caps, String.valueOf(ctx.channel().remoteAddress())));
        if (!caps.has(VmCapabilities.POWER_ON_EXTENSION)) {
            setPowerGood(true);
        }
    }

    private void setPowerGood(boolean on) {
        if (powerGood != on) {
            powerGood = on;
            server.emit(new HostLinkEvent.PowerGood(hostIndex, server.now(), on));
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
