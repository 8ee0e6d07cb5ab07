package dev.bmcagent.hostif;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Thin Netty adapter over {@link VmFrameEncoder}. Stateless, shareable. */
@ChannelHandler.Sharable
final class VmNettyEncoder extends MessageToByteEncoder<VmFrame> {
    static final VmNettyEncoder INSTANCE = new VmNettyEncoder();

    private VmNettyEncoder() {
        super(VmFrame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, VmFrame frame, ByteBuf out) {
        out.writeBytes(VmFrameEncoder.encode(frame));
    }
}
