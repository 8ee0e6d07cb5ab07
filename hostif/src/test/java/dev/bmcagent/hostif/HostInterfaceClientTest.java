package dev.bmcagent.hostif;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.NetFn;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The QEMU-like client against a silent BMC (a plain server socket that never answers). */
class HostInterfaceClientTest {
    private final ManualLinkScheduler scheduler = new ManualLinkScheduler();

    @Test
    void sendsQemuHandshakeAndTimesOutWithC3hAfterFourSeconds() throws Exception {
        try (ServerSocket bmc = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                HostInterfaceClient client = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {})) {
            client.connect(new InetSocketAddress(bmc.getInetAddress(), bmc.getLocalPort()));
            try (Socket accepted = bmc.accept()) {
                InputStream in = accepted.getInputStream();
                // QEMU chr_event(): FF 01 A1 then 08 3F A1
                assertArrayEquals(HexFormat.of().parseHex("FF01A1083FA1"), in.readNBytes(6));

                CompletableFuture<VmMessage> pending = client.request(NetFn.APP, 0, 0x01, new byte[0]);
                // msg id 00, App 06h<<2, Get Device ID 01h, checksum -(00+18+01)=E7h, A0
                assertArrayEquals(HexFormat.of().parseHex("001801E7A0"), in.readNBytes(5));
                ExecutionException busy = assertThrows(
                        ExecutionException.class,
                        () -> client.request(NetFn.APP, 0, 0x01, new byte[0]).get(1, TimeUnit.SECONDS));
                assertEquals(IllegalStateException.class, busy.getCause().getClass(), "one outstanding request");

                scheduler.advance(HostInterfaceClient.RESPONSE_TIMEOUT.minusMillis(1));
                assertFalse(pending.isDone());
                scheduler.advance(java.time.Duration.ofMillis(1));
                VmMessage timeout = pending.get(1, TimeUnit.SECONDS);
                assertEquals(CompletionCode.TIMEOUT, timeout.completionCode());
                assertEquals(List.of(NetFn.APP | 1, 0x01), List.of(timeout.netFn(), timeout.cmd()));
            }
        }
    }

    @Test
    void closedLinkFailsTheOutstandingRequestWithD2h() throws Exception {
        try (ServerSocket bmc = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                HostInterfaceClient client = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {})) {
            client.connect(new InetSocketAddress(bmc.getInetAddress(), bmc.getLocalPort()));
            CompletableFuture<VmMessage> pending;
            try (Socket accepted = bmc.accept()) {
                accepted.getInputStream().readNBytes(6);
                pending = client.request(NetFn.APP, 0, 0x01, new byte[0]);
                accepted.getInputStream().readNBytes(5);
            }
            await().until(pending::isDone);
            assertEquals(CompletionCode.INIT_IN_PROGRESS, pending.get().completionCode());
        }
    }
}
