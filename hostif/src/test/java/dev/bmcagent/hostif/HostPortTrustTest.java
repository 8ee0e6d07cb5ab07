package dev.bmcagent.hostif;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.core.host.HostLinkEvent;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.ipmi.command.sysif.SystemInterfaceState;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 items 2 and 16 over real TCP on loopback: only allowed peers, never a stranger while the host is up or
 * down, a dead link replaced by the reconnecting host, a live silent host keeps its link, a non-reading peer bounded
 * and dropped.
 */
class HostPortTrustTest {
    private static final int HOST = 0;
    private static final InetAddress STRANGER = address("127.0.0.2");

    private final ManualLinkScheduler scheduler = new ManualLinkScheduler();
    private final ManualLinkScheduler clientScheduler = new ManualLinkScheduler();
    private final SystemInterfaceState state = new SystemInterfaceState();
    private final List<HostLinkEvent> events = new CopyOnWriteArrayList<>();
    private final List<HostInterfaceClient> clients = new ArrayList<>();
    private final HostPortLimits limits = HostPortLimits.defaults().withWriteWaterMarks(4096, 8192);
    private HostInterfaceServer server;
    private InetSocketAddress address;

    private void start(HostInterfaceConfig config) {
        Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
                .add(CommandSpec.hostOnly("Get Device ID", NetFn.APP, 0x01, 0, 0, r -> IpmiResponse.ok(new byte[15])))
                .build());
        server = new HostInterfaceServer(config, dispatcher, state, events::add, scheduler);
        address = server.start();
    }

    private void start() {
        start(HostInterfaceConfig.defaults(HOST).withPort(0).withLimits(limits));
    }

    @AfterEach
    void stop() {
        clients.forEach(HostInterfaceClient::close);
        if (server != null) {
            server.stop();
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HostInterfaceClient qemu(InetSocketAddress to) {
        HostInterfaceClient c = new HostInterfaceClient(clientScheduler, VmCapabilities.QEMU, x -> {});
        clients.add(c);
        c.connect(to);
        return c;
    }

    private long count(Class<? extends HostLinkEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }

    private static VmMessage deviceId(HostInterfaceClient c) throws Exception {
        return c.request(NetFn.APP, 0, 0x01, new byte[0]).get(5, TimeUnit.SECONDS);
    }

    /** Connects from 127.0.0.2 and returns what the BMC sent before closing (-1 terminated), or fails. */
    private byte[] strangerConnects() throws IOException {
        try (Socket s = new Socket(address.getAddress(), address.getPort(), STRANGER, 0)) {
            s.setSoTimeout(5_000);
            InputStream in = s.getInputStream();
            byte[] got = in.readAllBytes();
            return got;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the stranger's connection was kept open", e);
        }
    }

    @Test
    void aStrangerIsRefusedWhileTheHostIsUpAndWhileItIsDown() throws Exception {
        start();
        HostInterfaceClient host = qemu(address);
        await().until(() -> count(HostLinkEvent.Connected.class) == 1);

        assertEquals(0, strangerConnects().length, "closed without a greeting while the host is up");
        assertEquals(CompletionCode.OK, deviceId(host).completionCode());

        host.disconnect();
        await().until(() -> count(HostLinkEvent.Disconnected.class) == 1);
        assertEquals(0, strangerConnects().length, "closed without a greeting while the host is down");
        assertFalse(server.isConnected());
        assertEquals(1, count(HostLinkEvent.Connected.class));
        assertEquals(2, server.stats().refusedPeers());

        HostInterfaceClient back = qemu(address);
        await().until(() -> count(HostLinkEvent.Connected.class) == 2);
        assertEquals(CompletionCode.OK, deviceId(back).completionCode());
    }

    @Test
    void configuredPeersOnly() throws Exception {
        start(HostInterfaceConfig.defaults(HOST)
                .withPort(0)
                .withLimits(limits)
                .withAllowedPeers(PeerAllowList.of(List.of("127.0.0.2"))));
        HostInterfaceClient loopback = qemu(address);
        await().until(() -> !loopback.isConnected());
        assertEquals(1, server.stats().refusedPeers());
        try (Socket s = new Socket(address.getAddress(), address.getPort(), STRANGER, 0)) {
            s.setSoTimeout(5_000);
            assertEquals((byte) VmCodes.OP_VERSION, (byte) s.getInputStream().read(), "127.0.0.2 is the host here");
        }
    }

    @Test
    void theReconnectingHostReplacesALinkWhosePeerVanished() throws Exception {
        start();
        try (DeadPeerProxy machine = new DeadPeerProxy(address)) {
            HostInterfaceClient old = qemu(machine.address());
            await().until(() -> count(HostLinkEvent.Connected.class) == 1);
            assertEquals(CompletionCode.OK, deviceId(old).completionCode());
            machine.vanish(); // the host's machine is gone: the BMC's end of the link stays open and silent

            HostInterfaceClient refused = qemu(address);
            await().until(() -> !refused.isConnected());
            assertTrue(server.isConnected(), "a link that was talking a moment ago is not replaced");

            scheduler.advance(limits.idleTimeout());
            HostInterfaceClient host = qemu(address);
            await().atMost(Duration.ofSeconds(10)).until(() -> count(HostLinkEvent.Connected.class) == 2);
            assertEquals(1, count(HostLinkEvent.Disconnected.class));
            assertEquals(CompletionCode.OK, deviceId(host).completionCode());
            assertTrue(server.stats().probesSent() >= 1);
        }
    }

    @Test
    void aLiveSilentHostKeepsItsLinkAgainstANewcomer() throws Exception {
        start();
        HostInterfaceClient host = qemu(address);
        await().until(() -> count(HostLinkEvent.Connected.class) == 1);
        scheduler.advance(limits.idleTimeout());
        await().until(() -> server.stats().probesSent() == 1);

        HostInterfaceClient newcomer = qemu(address);
        await().until(() -> server.stats().probesSent() == 2); // the silent link is probed again at once
        assertTrue(newcomer.isConnected(), "waits for the probe's outcome");
        scheduler.advance(limits.probeWait());
        await().until(() -> !newcomer.isConnected());
        assertEquals(1, count(HostLinkEvent.Connected.class));
        assertEquals(0, count(HostLinkEvent.Disconnected.class));
        assertEquals(CompletionCode.OK, deviceId(host).completionCode());
    }

    @Test
    void aPeerThatWritesAndNeverReadsIsBoundedThenDropped() throws Exception {
        start();
        byte[] request = VmFrameEncoder.encode(new VmMessage(0x11, NetFn.APP, 0, 0x01, new byte[0]));
        try (SocketChannel flood = SocketChannel.open()) {
            flood.socket().setReceiveBufferSize(4096);
            flood.connect(address);
            flood.configureBlocking(false);
            ByteBuffer burst = ByteBuffer.allocate(request.length * 4096);
            while (burst.remaining() >= request.length) {
                burst.put(request);
            }
            long sent = 0;
            long maxPending = 0;
            int stalled = 0;
            // write until the BMC stops reading (our writes stall for good), never read a byte
            while (stalled < 200 && sent < 64L * 1024 * 1024) {
                burst.rewind();
                int n = flood.write(burst);
                sent += n;
                stalled = n == 0 ? stalled + 1 : 0;
                maxPending = Math.max(maxPending, server.pendingOutputBytes());
                if (n == 0) {
                    await().pollDelay(Duration.ofMillis(5))
                            .atMost(Duration.ofSeconds(1))
                            .until(() -> true);
                }
            }
            long bound = limits.writeHighWater() + (long) limits.maxInFlight() * VmFrameDecoder.MAX_FRAME_BYTES * 2;
            System.out.printf(
                    java.util.Locale.ROOT,
                    "non-reading peer: %d bytes of requests accepted, max unwritten output %d bytes%n",
                    sent,
                    maxPending);
            assertTrue(stalled >= 200, "the BMC stopped reading from the peer after " + sent + " bytes");
            assertTrue(maxPending <= bound, maxPending + " > " + bound);
            assertTrue(server.pendingOutputBytes() >= limits.writeHighWater());

            scheduler.advance(limits.unreadDeadline());
            await().until(() -> server.stats().droppedNonReaders() == 1);
            await().until(() -> !server.isConnected());
            assertThrows(IOException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    burst.rewind();
                    flood.write(burst);
                    await().pollDelay(Duration.ofMillis(5)).until(() -> true);
                }
            });
        }
        HostInterfaceClient host = qemu(address);
        await().until(server::isConnected);
        assertEquals(CompletionCode.OK, deviceId(host).completionCode());
    }
}
