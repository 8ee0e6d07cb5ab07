package dev.bmcagent.agent.hostif;

import dev.bmcagent.agent.time.Scheduler;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.RequestContext;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted host connection (the last handler of its pipeline). Runs on the channel's event loop;
 * IPMI requests are dispatched on the server's dispatch executor and answered from there.
 */
final class HostConnection extends SimpleChannelInboundHandler<VmFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(HostConnection.class);

    private final HostInterfaceServer server;
    private final int hostIndex;
    private volatile Channel channel;
    private volatile VmCapabilities capabilities = VmCapabilities.NONE;
    private volatile boolean powerGood;
    private boolean attached;
    private boolean announced;
    private Scheduler.Cancellable capabilitiesTimer = () -> { };

    HostConnection(HostInterfaceServer server) {
        super(VmFrame.class);
        this.server = server;
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

    void send(VmControl control) {
        Channel ch = channel;
        if (ch != null) {
            ch.writeAndFlush(control);
            server.stats().controlSent();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        String peer = String.valueOf(ctx.channel().remoteAddress());
        if (!server.tryAttach(this)) {
            server.stats().rejected();
            LOG.warn("host{}: second connection from {} while a host is connected: closed", hostIndex, peer);
            server.emit(new HostLinkEvent.ConnectionRejected(hostIndex, server.now(), peer));
            ctx.close();
            return;
        }
        attached = true;
        LOG.info("host{}: host connected from {}", hostIndex, peer);
        // As OpenIPMI's ipmi_sim greets (vm_connected() then resend_atn()): FF 01 A1, then 00 A1
        // (attention clear: nothing pending after a BMC restart).
        ctx.write(VmControl.version());
        ctx.writeAndFlush(VmControl.of(VmCodes.OP_NOATTN));
        capabilitiesTimer = server.scheduler().schedule(server.config().capabilitiesWait(),
                () -> ctx.executor().execute(() -> announce(ctx)));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        capabilitiesTimer.cancel();
        if (!attached) {
            return;
        }
        attached = false;
        server.detach(this);
        if (announced) {
            LOG.info("host{}: host disconnected", hostIndex);
            server.emit(new HostLinkEvent.Disconnected(hostIndex, server.now(), "connection closed"));
            setPowerGood(false);
        }
        server.state().reset();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, VmFrame frame) {
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
        server.log().warn("io", "host{}: connection error, closing: {}", hostIndex, cause.toString());
        ctx.close();
    }

    private void onControl(ChannelHandlerContext ctx, VmControl control) {
        switch (control.op()) {
            case VmCodes.OP_VERSION -> {
                if (control.arg0() != VmCodes.PROTOCOL_VERSION) {
                    server.log().warn("version", "host{}: peer speaks VM protocol version {}, expected 1",
                            hostIndex, control.arg0());
                }
            }
            case VmCodes.OP_CAPABILITIES -> {
                if (control.arg0() < 0) {
                    server.stats().countUnexpected();
                    return;
                }
                capabilities = new VmCapabilities(control.arg0());
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
        server.log().warn("op", "host{}: ignored control operation {}", hostIndex, control);
    }

    private void onMessage(ChannelHandlerContext ctx, VmMessage message) {
        announce(ctx);
        if (message.isResponse()) {
            server.stats().countUnexpected();
            server.log().warn("response", "host{}: ignored a response from the host: {}", hostIndex, message);
            return;
        }
        server.stats().request();
        Channel ch = ctx.channel();
        try {
            server.dispatchExecutor().execute(() -> ch.writeAndFlush(answer(message)));
        } catch (RejectedExecutionException e) {
            ch.writeAndFlush(VmMessage.errorResponse(message, CompletionCode.NODE_BUSY));
        }
    }

    private VmMessage answer(VmMessage message) {
        IpmiRequest request = new IpmiRequest(RequestContext.systemInterface(hostIndex), message.netFn(),
                message.lun(), message.cmd(), message.payload());
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
        server.emit(new HostLinkEvent.Connected(hostIndex, server.now(), caps,
                String.valueOf(ctx.channel().remoteAddress())));
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
}
