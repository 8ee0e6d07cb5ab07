package dev.bmcagent.hostif;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.ipmi.command.sysif.SystemInterfaceCommands;
import dev.bmcagent.ipmi.command.sysif.SystemInterfaceState;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the reference implementation: OpenIPMI's {@code ipmi_sim} with a
 * {@code serial kcs ... codec VM} channel is the BMC that QEMU's ipmi-bmc-extern was written for.
 * The same raw host bytes go to ipmi_sim and to {@link HostInterfaceServer}; the answers must be
 * byte-identical. Skipped when {@code ipmi_sim} is not installed.
 */
class OpenIpmiSimInteropTest {
    private static final Path IPMI_SIM = Path.of("/usr/bin/ipmi_sim");
    /** What the emu line below makes ipmi_sim answer to Get Device ID (IPMI 2.0 §20.1). */
    private static final byte[] SIM_DEVICE_ID = HexFormat.of().parseHex("00030908029F911200020F00000000");

    @TempDir
    Path dir;

    private Process sim;
    private int simPort;

    @BeforeEach
    void startIpmiSim() throws IOException {
        assumeTrue(Files.isExecutable(IPMI_SIM), "ipmi_sim not installed");
        simPort = freePort();
        int lanPort = freePort();
        Path conf = dir.resolve("lan.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "name \"hostif\"",
                        "set_working_mc 0x20",
                        "  startlan 1",
                        "    addr 127.0.0.1 " + lanPort,
                        "    priv_limit admin",
                        "    allowed_auths_callback none",
                        "    allowed_auths_user none",
                        "    allowed_auths_operator none",
                        "    allowed_auths_admin none",
                        "    guid a123456789abcdefa123456789abcdef",
                        "  endlan",
                        "  serial kcs 127.0.0.1 " + simPort + " codec VM",
                        "user 2 true \"admin\" \"password\" admin 10 none",
                        ""),
                StandardCharsets.US_ASCII);
        Path emu = dir.resolve("sim.emu");
        Files.writeString(emu, """
                               mc_setbmc 0x20
                               mc_add 0x20 0 no-device-sdrs 0x03 9 8 0x9f 0x1291 0xf02
                               mc_enable 0x20\
                               """, StandardCharsets.US_ASCII);
        Files.createDirectories(dir.resolve("state"));
        sim = new ProcessBuilder(
                        IPMI_SIM.toString(),
                        "-c",
                        conf.toString(),
                        "-f",
                        emu.toString(),
                        "-n",
                        "-p",
                        "-s",
                        dir.resolve("state").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("ipmi_sim.log").toFile())
                .start();
        await().until(() -> isListening(simPort));
    }

    @AfterEach
    void stopIpmiSim() throws InterruptedException {
        if (sim != null) {
            sim.destroy();
            sim.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void ourBmcAnswersByteForByteLikeIpmiSim() throws Exception {
        SystemInterfaceState state = new SystemInterfaceState();
        Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
                .add(CommandSpec.hostOnly("Get Device ID", NetFn.APP, 0x01, 0, 0, r -> IpmiResponse.ok(SIM_DEVICE_ID)))
                .addAll(SystemInterfaceCommands.specs(i -> state))
                .build());
        HostInterfaceServer ours = new HostInterfaceServer(
                HostInterfaceConfig.defaults(0).withPort(0), dispatcher, state, e -> {}, new ManualLinkScheduler());
        int ourPort = ours.start().getPort();
        try {
            List<byte[]> fromSim = conversation(simPort);
            List<byte[]> fromUs = conversation(ourPort);
            HexFormat hex = HexFormat.of().withUpperCase();
            for (int i = 0; i < fromSim.size(); i++) {
                assertEquals(hex.formatHex(fromSim.get(i)), hex.formatHex(fromUs.get(i)), "exchange " + i);
            }
            // Pin what the reference said, so a change in either shows up here:
            assertEquals("FF01A100A1", hex.formatHex(fromSim.get(0)), "greeting: version 1, then NOATTN");
            assertEquals("AABA1C0100" + hex.formatHex(SIM_DEVICE_ID) + "D0A0", hex.formatHex(fromSim.get(1)));
            assertEquals("05A1011C2E00B5A0", hex.formatHex(fromSim.get(2)), "ENABLE_IRQ before the response");
        } finally {
            ours.stop();
        }
    }

    @Test
    void ourHostClientTalksToIpmiSim() throws Exception {
        List<VmControl> controls = new CopyOnWriteArrayList<>();
        try (HostInterfaceClient client =
                new HostInterfaceClient(new ManualLinkScheduler(), VmCapabilities.QEMU, controls::add)) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), simPort));
            await().until(() -> controls.equals(List.of(VmControl.version(), VmControl.of(VmCodes.OP_NOATTN))));
            VmMessage rsp = client.request(NetFn.APP, 0, 0x01, new byte[0]).get(5, TimeUnit.SECONDS);
            assertEquals(CompletionCode.OK, rsp.completionCode());
            assertArrayEquals(SIM_DEVICE_ID, rsp.responseData());
            client.request(NetFn.APP, 0, 0x2E, new byte[] {0x0D}).get(5, TimeUnit.SECONDS);
            await().until(() -> controls.contains(VmControl.of(VmCodes.OP_ENABLE_IRQ)));
        }
    }

    /** Greeting; caps + Get Device ID (msg id AAh, escaped); Set BMC Global Enables 0Dh. */
    private static List<byte[]> conversation(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5_000);
            InputStream in = s.getInputStream();
            byte[] greeting = readFrames(in, 2);
            s.getOutputStream().write(HexFormat.of().parseHex("FF01A1083FA1" + "AABA18013DA0"));
            byte[] deviceId = readFrames(in, 1);
            s.getOutputStream().write(HexFormat.of().parseHex("01182E0DACA0"));
            byte[] enables = readFrames(in, 2);
            return List.of(greeting, deviceId, enables);
        }
    }

    private static byte[] readFrames(InputStream in, int frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int seen = 0;
        while (seen < frames) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + HexFormat.of().formatHex(out.toByteArray()));
            }
            out.write(b);
            if (b == VmCodes.MSG_CHAR || b == VmCodes.CMD_CHAR) {
                seen++;
            }
        }
        return out.toByteArray();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Probes by binding, not connecting: ipmi_sim serves one connection and a probe would use it up. */
    private static boolean isListening(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
