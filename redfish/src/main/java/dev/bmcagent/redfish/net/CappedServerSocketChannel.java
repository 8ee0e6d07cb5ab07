package dev.bmcagent.redfish.net;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * A NIO server socket that asks the {@link AcceptGate} about every connection it accepts, before the channel is
 * registered or TLS starts: a refused one is closed on the spot (the client sees the connection closed), an admitted
 * one is released when it closes.
 */
final class CappedServerSocketChannel extends NioServerSocketChannel {
    private final AcceptGate gate;

    CappedServerSocketChannel(AcceptGate gate) {
        this.gate = gate;
    }

    @Override
    protected int doReadMessages(List<Object> buf) throws Exception {
        int accepted = super.doReadMessages(buf);
        if (accepted <= 0) {
            return accepted;
        }
        Channel child = (Channel) buf.get(buf.size() - 1);
        SocketAddress remote = child.remoteAddress();
        InetAddress source = remote instanceof InetSocketAddress a ? a.getAddress() : null;
        if (source == null || !gate.tryAcquire(source)) {
            buf.remove(buf.size() - 1);
            child.unsafe().closeForcibly();
            return 0; // the selector reports the next pending connection again
        }
        child.closeFuture().addListener(f -> gate.release(source));
        return accepted;
    }
}
