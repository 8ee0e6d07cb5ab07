package dev.bmcagent.ipmi.lan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Netty adapter: thin, counts, survives a failing processor, releases its port. */
class IpmiLanServerTest {
    static final byte[] PING = HexFormat.of().parseHex("0600FF06000011BE80C40000");
    static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 41000);
    static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 6230);

    /** Answers a ping with a pong, drops everything else, throws on a single 0xEE byte. */
    static Optional<byte[]> pingOnly(byte[] d, InetSocketAddress from) {
        if (d.length == 1 && d[0] == (byte) 0xEE) {
            throw new IllegalStateException("processor bug");
        }
        Decoded<AsfPresence.Ping> ping = AsfPresence.decodePing(d);
        return ping.isOk() ? Optional.of(AsfPresence.encodePong(ping.value())) : Optional.empty();
    }

    @Test
    void handlerRepliesToTheSenderAndCountsWhatItCannotHandle() {
        LanCounters counters = new LanCounters();
        EmbeddedChannel ch = new EmbeddedChannel(new LanDatagramHandler(IpmiLanServerTest::pingOnly, counters));
        ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(PING), SERVER, CLIENT));
        DatagramPacket out = ch.readOutbound();
        assertEquals(CLIENT, out.recipient());
        assertEquals(0x40, ByteBufUtil.getBytes(out.content())[8], "ASF Presence Pong");
        out.release();
        ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {(byte) 0xEE}), SERVER, CLIENT));
        ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(new byte[2000]), SERVER, CLIENT));
        assertNull(ch.readOutbound());
        assertEquals(1, counters.internalErrorCount());
        assertEquals(1, counters.droppedMalformedCount(), "oversized datagram");
        ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(PING), SERVER, CLIENT));
        DatagramPacket again = ch.readOutbound();
        assertTrue(again != null, "still answering after a processor failure");
        again.release();
        assertEquals(4, counters.receivedCount());
        assertEquals(2, counters.answeredCount());
        ch.finishAndReleaseAll();
    }

    @Test
    void realSocketPingPongAndPortReleasedOnStop() throws Exception {
        LanCounters counters = new LanCounters();
        IpmiLanServer server = new IpmiLanServer(
                IpmiLanOptions.defaults().withBind("127.0.0.1", 0), IpmiLanServerTest::pingOnly, counters);
        InetSocketAddress bound = server.startBlocking();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(2000);
            s.send(new java.net.DatagramPacket(PING, PING.length, bound));
            byte[] buf = new byte[64];
            java.net.DatagramPacket reply = new java.net.DatagramPacket(buf, buf.length);
            s.receive(reply);
            assertEquals(28, reply.getLength());
            assertArrayEquals(
                    AsfPresence.encodePong(new AsfPresence.Ping(0xFF, 0xC4)),
                    java.util.Arrays.copyOf(buf, reply.getLength()));
        }
        server.stop().get();
        try (DatagramSocket again = new DatagramSocket(bound)) {
            assertTrue(again.isBound(), "port released on stop");
        }
    }

    @Test
    void serversSharingOneEventLoopEachAnswerAndStoppingOneLeavesTheOther() throws Exception {
        io.netty.channel.EventLoopGroup shared =
                new io.netty.channel.MultiThreadIoEventLoopGroup(1, io.netty.channel.nio.NioIoHandler.newFactory());
        try {
            IpmiLanServer a = new IpmiLanServer(
                    IpmiLanOptions.defaults().withBind("127.0.0.1", 0),
                    IpmiLanServerTest::pingOnly,
                    new LanCounters(),
                    shared);
            IpmiLanServer b = new IpmiLanServer(
                    IpmiLanOptions.defaults().withBind("127.0.0.1", 0),
                    IpmiLanServerTest::pingOnly,
                    new LanCounters(),
                    shared);
            InetSocketAddress boundA = a.startBlocking();
            InetSocketAddress boundB = b.startBlocking();
            assertEquals(28, ping(boundA));
            assertEquals(28, ping(boundB));
            a.stop().get();
            assertEquals(28, ping(boundB), "the other server keeps the shared loop");
            assertTrue(!shared.isShuttingDown(), "the shared loop belongs to the caller");
            try (DatagramSocket again = new DatagramSocket(boundA)) {
                assertTrue(again.isBound(), "port released on stop");
            }
            b.stop().get();
        } finally {
            shared.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS)
                    .syncUninterruptibly();
        }
    }

    private static int ping(InetSocketAddress server) throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(2000);
            s.send(new java.net.DatagramPacket(PING, PING.length, server));
            byte[] buf = new byte[64];
            java.net.DatagramPacket reply = new java.net.DatagramPacket(buf, buf.length);
            s.receive(reply);
            return reply.getLength();
        }
    }
}
