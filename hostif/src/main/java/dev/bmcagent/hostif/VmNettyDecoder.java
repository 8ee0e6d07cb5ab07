package dev.bmcagent.hostif;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.Consumer;

/** Thin Netty adapter over {@link VmFrameDecoder}: frames go up the pipeline, errors to a callback. */
final class VmNettyDecoder extends ByteToMessageDecoder {
    private final VmFrameDecoder decoder = new VmFrameDecoder();
    private final Consumer<VmDecodeError> onError;

    VmNettyDecoder(Consumer<VmDecodeError> onError) {
        this.onError = onError;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        VmFrameDecoder.Sink sink = new VmFrameDecoder.Sink() {
            @Override
            public void frame(VmFrame frame) {
                out.add(frame);
            }

            @Override
            public void error(VmDecodeError error) {
                onError.accept(error);
            }
        };
        while (in.isReadable()) {
            decoder.decode(in.readUnsignedByte(), sink);
        }
    }
}
