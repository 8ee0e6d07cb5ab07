package dev.bmcagent.it.hostif;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.hostif.VmFrameEncoder;
import dev.bmcagent.hostif.VmMessage;
import dev.bmcagent.it.ipmi.ClientRun;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 items 2 and 16 against the agent's runtime: a stranger (127.0.0.2, not an allowed peer) on the host port
 * is refused while the host is up and while it is down and never becomes the host; a peer that floods the port with
 * random VM-protocol frames and never reads is bounded and dropped while ipmitool over LAN keeps being answered and
 * the genuine host then connects and is served.
 */
class HostPortIT {
    @TempDir
    Path dir;

    HostPortRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new HostPortRig(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private InetSocketAddress hostPort() {
        return rig.runtime.hostInterfaceAddress(0);
    }

    /** A local process on 127.0.0.2 connects; returns what it got before the BMC closed the connection. */
    private byte[] stranger() throws IOException {
        InetSocketAddress port = hostPort();
        try (Socket s = new Socket(port.getAddress(), port.getPort(), InetAddress.getByName("127.0.0.2"), 0)) {
            s.setSoTimeout(5_000);
            // a stranger that is taken for the host would be greeted (FF 01 A1 00 A1) and kept
            s.getOutputStream().write(new byte[] {(byte) 0xFF, 0x01, (byte) 0xA1, 0x08, 0x3F, (byte) 0xA1});
            InputStream in = s.getInputStream();
            return in.readAllBytes();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the stranger's connection was kept open", e);
        }
    }

    private ClientRun mcInfo() {
        return ClientRun.of(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(rig.ipmiPort()),
                "-U",
                HostPortRig.ADMIN,
                "-P",
                HostPortRig.ADMIN_PW,
                "-C",
                "17",
                "mc",
                "info"));
    }

    @Test
    void aStrangerIsRefusedWhileTheHostIsUpAndWhileItIsDown() throws Exception {
        rig.host.connect(hostPort());
        await().until(() -> rig.node().state().powerOn());
        assertEquals(0, stranger().length, "refused while the host is up");
        rig.send(0x06, 0x01, ""); // the host is still served

        rig.host.disconnect();
        await().until(() -> !rig.node().state().connected());
        assertEquals(0, stranger().length, "refused while the host is down");
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() ->
                        !rig.node().state().connected() && !rig.node().state().powerOn());

        rig.host.connect(hostPort()); // the genuine host comes back
        await().until(() -> rig.node().state().connected() && rig.node().state().powerOn());
        rig.send(0x06, 0x01, "");
    }

    @Test
    void aFloodingPeerThatNeverReadsIsBoundedAndDroppedWhileLanAndTheHostAreServed() throws Exception {
        ByteBufAllocatorMetric metric = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        long baseline = metric.usedDirectMemory() + metric.usedHeapMemory();
        Random random = new Random(0x11_16L);
        byte[] valid = VmFrameEncoder.encode(new VmMessage(0x42, 0x06, 0, 0x01, new byte[0])); // Get Device ID
        ByteBuffer burst = ByteBuffer.allocate(1 << 20);
        while (burst.remaining() > 400) {
            switch (random.nextInt(4)) {
                case 0 -> { // random bytes, terminated
                    byte[] junk = new byte[random.nextInt(300)];
                    random.nextBytes(junk);
                    burst.put(junk).put((byte) 0xA0);
                }
                case 1 -> { // a request with one byte flipped
                    byte[] m = valid.clone();
                    m[random.nextInt(m.length - 1)] ^= (byte) (1 << random.nextInt(8));
                    burst.put(m);
                }
                default -> burst.put(valid); // answered requests: output grows
            }
        }
        burst.flip();
        long maxUsed = 0;
        long sent = 0;
        long dropped = -1;
        long started = System.nanoTime();
        try (SocketChannel flood = SocketChannel.open()) {
            flood.socket().setReceiveBufferSize(4096);
            flood.connect(hostPort());
            flood.configureBlocking(false);
            ClientRun during = null;
            while (dropped < 0
                    && System.nanoTime() - started < Duration.ofSeconds(40).toNanos()) {
                int n;
                try {
                    burst.rewind();
                    n = flood.write(burst);
                } catch (IOException closedByTheBmc) {
                    dropped = System.nanoTime();
                    break;
                }
                sent += n;
                maxUsed = Math.max(maxUsed, metric.usedDirectMemory() + metric.usedHeapMemory());
                if (n == 0) {
                    if (during == null) {
                        during = mcInfo(); // LAN keeps answering meanwhile
                        assertEquals(0, during.exit(), during.toString());
                    }
                    await().pollDelay(Duration.ofMillis(20)).until(() -> true);
                }
            }
            System.out.printf(
                    java.util.Locale.ROOT,
                    "flooding peer: %d bytes sent, dropped after %s, allocator in use max %d KiB "
                            + "(baseline %d KiB)%n",
                    sent,
                    dropped < 0 ? "-" : Duration.ofNanos(dropped - started),
                    maxUsed / 1024,
                    baseline / 1024);
            assertTrue(dropped >= 0, "the non-reading peer was never dropped (" + sent + " bytes sent)");
            assertTrue(during != null, "the BMC never stopped reading from the flooding peer");
        }
        assertTrue(maxUsed - baseline < 16L * 1024 * 1024, "allocator grew by " + (maxUsed - baseline));

        ClientRun after = mcInfo();
        assertEquals(0, after.exit(), after.toString());
        HostInterfaceClient host = new HostInterfaceClient(rig.hostScheduler, VmCapabilities.QEMU, c -> {});
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !rig.runtime.hostInterface(0).isConnected());
            host.connect(hostPort());
            await().until(() -> rig.runtime.hostInterface(0).isConnected());
            VmMessage r = host.request(0x06, 0, 0x01, new byte[0]).get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(r.completionCode().isOk(), r.toString());
        } finally {
            host.close();
        }
    }
}
