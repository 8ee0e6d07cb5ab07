package dev.bmcagent.ipmi.lan;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Thin Netty adapter: datagram bytes to the {@link DatagramProcessor}, the reply back to the sender. */
final class LanDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(LanDatagramHandler.class);
    /** Largest datagram considered; IPMI messages are far smaller. */
    static final int MAX_DATAGRAM = 1024;

    private final DatagramProcessor processor;
    private final LanCounters counters;

    LanDatagramHandler(DatagramProcessor processor, LanCounters counters) {
        this.processor = processor;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        counters.received();
        if (packet.content().readableBytes() > MAX_DATAGRAM) {
            counters.malformed();
            return;
        }
        byte[] bytes = ByteBufUtil.getBytes(packet.content());
        Optional<byte[]> reply;
        try {
            reply = processor.process(bytes, packet.sender());
        } catch (RuntimeException e) {
            counters.internalError();
            LOG.warn("IPMI LAN processor failed on a datagram from {}", packet.sender(), e);
            return;
        }
        if (reply.isPresent()) {
            counters.answered();
            send(ctx, new DatagramPacket(Unpooled.wrappedBuffer(reply.get()), packet.sender()));
        }
        try {
            processor.afterReply();
        } catch (RuntimeException e) {
            LOG.warn("IPMI LAN processor failed after a reply", e);
        }
    }

    /**
     * Sends one reply datagram. A reply that cannot be sent is lost like any UDP datagram and the console retries
     * (RMCP+ is built for that); it is not logged, since a flood from spoofed sources would then fill the log.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // UDP: a failed send needs no handling (see above)
    private static void send(ChannelHandlerContext ctx, DatagramPacket reply) {
        ctx.writeAndFlush(reply);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("IPMI LAN channel error (server keeps running)", cause);
    }
}
