package dev.bmcagent.hostif;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.core.host.HostLinkEvent;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.ipmi.command.sysif.SystemInterfaceCommands;
import dev.bmcagent.ipmi.command.sysif.SystemInterfaceState;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host interface over real TCP on 127.0.0.1, with a QEMU-like client. */
class HostInterfaceServerTest {
    private static final int HOST = 3;
    private static final byte[] DEVICE_ID = HexFormat.of().parseHex("2081021002BFA1AA00A012");

    private final ManualLinkScheduler scheduler = new ManualLinkScheduler();
    private final ManualLinkScheduler clientScheduler = new ManualLinkScheduler();
    private final SystemInterfaceState state = new SystemInterfaceState();
    private final List<HostLinkEvent> events = new CopyOnWriteArrayList<>();
    private final List<VmControl> received = new CopyOnWriteArrayList<>();
    private final List<HostInterfaceClient> clients = new ArrayList<>();
    private HostInterfaceServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        server = newServer(HostInterfaceConfig.defaults(HOST).withPort(0));
        address = server.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(HostInterfaceClient::close);
        server.stop();
    }

    private HostInterfaceServer newServer(HostInterfaceConfig config) {
        Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
                .add(CommandSpec.hostOnly("Get Device ID", NetFn.APP, 0x01, 0, 0, r -> IpmiResponse.ok(DEVICE_ID)))
                .add(CommandSpec.hostOnly(
                        "Echo host index",
                        NetFn.OEM,
                        0x42,
                        0,
                        255,
                        r -> IpmiResponse.ok((byte) r.context().hostIndex())))
                .addAll(SystemInterfaceCommands.specs(i -> state))
                .build());
        return new HostInterfaceServer(config, dispatcher, state, events::add, scheduler);
    }

    private HostInterfaceClient client(VmCapabilities caps, List<VmControl> sink) {
        HostInterfaceClient c = new HostInterfaceClient(clientScheduler, caps, sink::add);
        clients.add(c);
        return c;
    }

    private HostInterfaceClient connectedQemu() {
        HostInterfaceClient c = client(VmCapabilities.QEMU, received);
        c.connect(address);
        await().until(() -> events.stream().anyMatch(e -> e instanceof HostLinkEvent.Connected));
        return c;
    }

    private <T extends HostLinkEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static VmMessage get(java.util.concurrent.CompletableFuture<VmMessage> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void connectReportsCapabilitiesAndPowerGoodAndBmcSendsVersion() {
        connectedQemu();
        HostLinkEvent.Connected connected =
                eventsOf(HostLinkEvent.Connected.class).get(0);
        assertEquals(HOST, connected.hostIndex());
        assertEquals(VmCapabilities.QEMU, connected.capabilities());
        await().until(() -> eventsOf(HostLinkEvent.PowerGood.class)
                .equals(List.of(new HostLinkEvent.PowerGood(HOST, connected.at(), true))));
        await().until(() -> received.contains(VmControl.version()));
        assertTrue(server.isConnected());
        assertEquals(VmCapabilities.QEMU, server.capabilities().orElseThrow());
    }

    @Test
    void requestIsDispatchedAsSystemInterfaceAndAnswered() throws Exception {
        HostInterfaceClient c = connectedQemu();
        VmMessage rsp = get(c.request(NetFn.APP, 0, 0x01, new byte[0]));
        assertEquals(0, rsp.msgId());
        assertEquals(NetFn.APP | 1, rsp.netFn());
        assertEquals(0x01, rsp.cmd());
        assertEquals(CompletionCode.OK, rsp.completionCode());
        assertArrayEquals(DEVICE_ID, rsp.responseData());

        VmMessage echo = get(c.request(NetFn.OEM, 0, 0x42, new byte[0]));
        assertEquals(1, echo.msgId(), "msg id advances and is echoed");
        assertArrayEquals(new byte[] {HOST}, echo.responseData());

        VmMessage unknown = get(c.request(NetFn.STORAGE, 0, 0x99, new byte[0]));
        assertEquals(CompletionCode.INVALID_COMMAND, unknown.completionCode());
        assertEquals(3, server.stats().requests());
    }

    @Test
    void receiveMessageInterruptBitDrivesEnableAndDisableIrq() throws Exception {
        HostInterfaceClient c = connectedQemu();
        assertEquals(
                CompletionCode.OK,
                get(c.request(NetFn.APP, 0, 0x2E, new byte[] {0x0F})).completionCode());
        await().until(() -> received.contains(VmControl.of(VmCodes.OP_ENABLE_IRQ)));
        assertFalse(received.contains(VmControl.of(VmCodes.OP_DISABLE_IRQ)));
        assertArrayEquals(
                new byte[] {0x0F},
                get(c.request(NetFn.APP, 0, 0x2F, new byte[0])).responseData());

        get(c.request(NetFn.APP, 0, 0x2E, new byte[] {0x0E}));
        await().until(() -> received.contains(VmControl.of(VmCodes.OP_DISABLE_IRQ)));
    }

    @Test
    void powerOperationsReachTheHostWhenAdvertised() {
        connectedQemu();
        assertEquals(ControlResult.SENT, server.powerOff());
        assertEquals(ControlResult.SENT, server.reset());
        assertEquals(ControlResult.SENT, server.nmi());
        assertEquals(ControlResult.SENT, server.gracefulShutdown());
        assertEquals(ControlResult.SENT, server.attention(true, true));
        await().until(() -> received.containsAll(List.of(
                VmControl.of(0x03), VmControl.of(0x04), VmControl.of(0x07), VmControl.of(0x09), VmControl.of(0x02))));
        assertEquals(ControlResult.ALREADY_ON, server.powerOn());
        assertFalse(received.contains(VmControl.of(VmCodes.OP_POWER_ON)), "never sent to a QEMU peer");
    }

    @Test
    void operationsTheHostDidNotAdvertiseAreRefused() {
        HostInterfaceClient c = client(new VmCapabilities(VmCapabilities.POWER), received);
        c.connect(address);
        await().until(() -> server.capabilities().isPresent()
                && !eventsOf(HostLinkEvent.Connected.class).isEmpty());
        assertEquals(ControlResult.UNSUPPORTED, server.nmi());
        assertEquals(ControlResult.UNSUPPORTED, server.reset());
        assertEquals(ControlResult.UNSUPPORTED, server.gracefulShutdown());
        assertEquals(ControlResult.SENT, server.forceOff());
        await().until(() -> received.contains(VmControl.of(VmCodes.OP_POWEROFF)));
        assertFalse(received.contains(VmControl.of(VmCodes.OP_SEND_NMI)));
    }

    @Test
    void nothingIsSentWithoutAHost() {
        assertEquals(ControlResult.NOT_CONNECTED, server.powerOff());
        assertEquals(ControlResult.NO_START_COMMAND, server.powerOn());
        assertFalse(server.powerGood());
    }

    @Test
    void disconnectIsPowerGoodLostAndReconnectWorks() throws Exception {
        HostInterfaceClient c = connectedQemu();
        get(c.request(NetFn.APP, 0, 0x2E, new byte[] {0x0D}));
        c.disconnect();
        await().until(() -> !eventsOf(HostLinkEvent.Disconnected.class).isEmpty());
        await().until(() -> eventsOf(HostLinkEvent.PowerGood.class).stream()
                .map(HostLinkEvent.PowerGood::on)
                .toList()
                .equals(List.of(true, false)));
        assertFalse(server.isConnected());
        assertEquals(SystemInterfaceState.DEFAULT_GLOBAL_ENABLES, state.globalEnables(), "reset on disconnect");

        c.connect(address);
        await().until(() -> eventsOf(HostLinkEvent.Connected.class).size() == 2);
        assertEquals(
                CompletionCode.OK,
                get(c.request(NetFn.APP, 0, 0x01, new byte[0])).completionCode());
    }

    @Test
    void secondConnectionIsClosedAndTheFirstKeepsWorking() throws Exception {
        HostInterfaceClient first = connectedQemu();
        List<VmControl> secondReceived = new CopyOnWriteArrayList<>();
        HostInterfaceClient second = client(VmCapabilities.QEMU, secondReceived);
        second.connect(address);
        await().until(() -> !eventsOf(HostLinkEvent.ConnectionRejected.class).isEmpty());
        await().until(() -> !second.isConnected());
        assertEquals(1, server.stats().rejectedConnections());
        assertEquals(1, eventsOf(HostLinkEvent.Connected.class).size());
        assertTrue(eventsOf(HostLinkEvent.Disconnected.class).isEmpty());
        assertEquals(
                CompletionCode.OK,
                get(first.request(NetFn.APP, 0, 0x01, new byte[0])).completionCode());
        assertTrue(secondReceived.isEmpty(), "the rejected peer got no greeting");
    }

    @Test
    void hostResetIsReportedAndClearsGlobalEnables() throws Exception {
        HostInterfaceClient c = connectedQemu();
        get(c.request(NetFn.APP, 0, 0x2E, new byte[] {0x0D}));
        c.send(VmControl.of(VmCodes.OP_RESET)); // QEMU ipmi_bmc_extern_handle_reset(): 04 A1
        await().until(() -> !eventsOf(HostLinkEvent.HostReset.class).isEmpty());
        assertEquals(SystemInterfaceState.DEFAULT_GLOBAL_ENABLES, state.globalEnables());
        await().until(() -> received.contains(VmControl.of(VmCodes.OP_DISABLE_IRQ)));
        assertTrue(server.isConnected());
    }

    @Test
    void peerWithoutCapabilitiesIsAnnouncedAfterTheWait() throws IOException {
        try (Socket raw = new Socket(address.getAddress(), address.getPort())) {
            await().until(() -> scheduler.pending() == 2); // the capabilities wait and the idle check
            assertTrue(events.isEmpty());
            scheduler.advance(HostInterfaceConfig.DEFAULT_CAPABILITIES_WAIT);
            await().until(() -> eventsOf(HostLinkEvent.Connected.class).size() == 1);
            assertEquals(
                    VmCapabilities.NONE,
                    eventsOf(HostLinkEvent.Connected.class).get(0).capabilities());
            assertEquals(ControlResult.UNSUPPORTED, server.powerOff());
            assertTrue(raw.isConnected());
        }
    }

    @Test
    void extensionPeerGetsPowerOnAndReportsPowerState() {
        VmCapabilities sim = new VmCapabilities(0x3F | VmCapabilities.POWER_ON_EXTENSION);
        HostInterfaceClient c = client(sim, received);
        c.connect(address);
        await().until(() -> eventsOf(HostLinkEvent.Connected.class).size() == 1);
        assertFalse(server.powerGood(), "an extension peer starts in standby");
        assertTrue(eventsOf(HostLinkEvent.PowerGood.class).isEmpty());

        assertEquals(ControlResult.SENT, server.powerOn());
        await().until(() -> received.contains(VmControl.of(VmCodes.OP_POWER_ON)));
        c.send(new VmControl(VmCodes.OP_POWER_STATE, new byte[] {1}));
        await().until(server::powerGood);
        assertEquals(ControlResult.ALREADY_ON, server.powerOn());
        c.send(new VmControl(VmCodes.OP_POWER_STATE, new byte[] {0}));
        await().until(() -> !server.powerGood());
        assertEquals(
                List.of(true, false),
                eventsOf(HostLinkEvent.PowerGood.class).stream()
                        .map(HostLinkEvent.PowerGood::on)
                        .toList());
    }

    @Test
    void powerOnWithoutHostRunsTheStartCommand(@TempDir Path dir) {
        Path marker = dir.resolve("started");
        HostInterfaceServer other = newServer(
                HostInterfaceConfig.defaults(HOST).withPort(0).withStartCommand(List.of("touch", marker.toString())));
        other.start();
        try {
            assertEquals(ControlResult.START_COMMAND_LAUNCHED, other.powerOn());
            await().until(() -> Files.exists(marker));
        } finally {
            other.stop();
        }
    }

    @Test
    void missingStartCommandBinaryIsReportedNotThrown() {
        HostInterfaceServer other = newServer(HostInterfaceConfig.defaults(HOST)
                .withPort(0)
                .withStartCommand(List.of("/nonexistent/bmc-agent-start-qemu")));
        other.start();
        try {
            assertEquals(ControlResult.START_COMMAND_FAILED, other.powerOn());
        } finally {
            other.stop();
        }
    }

    @Test
    void garbageBurstOverTheSocketIsSurvived() throws Exception {
        HostInterfaceClient c = connectedQemu();
        Random random = new Random(0xF00D_BEEFL);
        byte[] valid = VmFrameEncoder.encode(new VmMessage(0x77, NetFn.APP, 0, 0x01, new byte[0]));
        for (int i = 0; i < 3_000; i++) {
            byte[] frame = switch (i % 4) {
                case 0 -> VmFrameDecoderTest.randomBytes(random, random.nextInt(600));
                case 1 -> VmFrameDecoderTest.mutate(random, valid);
                case 2 -> VmFrameDecoderTest.validPrefix(random, valid);
                default -> VmFrameDecoderTest.escapeAbuse(random);
            };
            c.sendRaw(frame);
        }
        c.sendRaw(new byte[] {(byte) VmCodes.MSG_CHAR});
        await().atMost(Duration.ofSeconds(20)).until(() -> server.stats().decodeErrors() > 100);
        VmMessage rsp = c.request(NetFn.APP, 0, 0x01, new byte[0]).get(20, TimeUnit.SECONDS);
        assertEquals(CompletionCode.OK, rsp.completionCode());
        assertArrayEquals(DEVICE_ID, rsp.responseData());
        assertTrue(c.isConnected());
    }

    @Test
    void stopReleasesThePortAndTheServerCanStartAgain() throws IOException {
        connectedQemu();
        server.stop();
        await().until(() -> !eventsOf(HostLinkEvent.Disconnected.class).isEmpty());
        try (ServerSocket probe = new ServerSocket(address.getPort(), 1, address.getAddress())) {
            assertTrue(probe.isBound());
        }
        server = newServer(HostInterfaceConfig.defaults(HOST).withPort(address.getPort()));
        assertEquals(address, server.start());
    }

    @Test
    void quiescedServerAnswersD2hWithoutDispatchingAndWaitsForAnswersInFlight() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger dispatched = new java.util.concurrent.atomic.AtomicInteger();
        Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
                .add(CommandSpec.hostOnly("Slow", NetFn.OEM, 0x43, 0, 255, r -> {
                    dispatched.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return IpmiResponse.ok();
                }))
                .build());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        HostInterfaceServer slow = new HostInterfaceServer(
                HostInterfaceConfig.defaults(HOST).withPort(0), dispatcher, state, events::add, scheduler, pool, null);
        try {
            InetSocketAddress at = slow.start();
            HostInterfaceClient first = client(VmCapabilities.QEMU, received);
            first.connect(at);
            var inFlight = first.request(NetFn.OEM, 0, 0x43, new byte[0]);
            await().until(() -> dispatched.get() == 1);
            slow.quiesce();
            assertFalse(slow.awaitAnswered(Duration.ofMillis(100)), "an answer is still being made: bounded wait");
            release.countDown();
            assertTrue(slow.awaitAnswered(Duration.ofSeconds(5)));
            assertEquals(CompletionCode.OK, get(inFlight).completionCode(), "dispatched before: answered");
            VmMessage refused = get(first.request(NetFn.OEM, 0, 0x43, new byte[0]));
            assertEquals(CompletionCode.INIT_IN_PROGRESS, refused.completionCode());
            assertEquals(1, dispatched.get(), "a request after quiesce is not dispatched");
            assertTrue(first.isConnected(), "the link stays up until the stop closes it");
        } finally {
            slow.stop();
            pool.shutdownNow();
        }
    }
}
