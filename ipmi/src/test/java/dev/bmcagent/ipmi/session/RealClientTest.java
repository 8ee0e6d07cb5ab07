package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real IPMI clients (ipmitool 1.8.19, FreeIPMI 1.6.10, ipmiutil 3.18) against {@code IpmiLanServer} on a free
 * 127.0.0.1 UDP port with a small test command table.
 */
class RealClientTest {
    static LanTestServer bmc;

    @BeforeAll
    static void start() throws Exception {
        bmc = LanTestServer.started();
        ipmitool("admin", "secret", "mc", "info"); // warm the JVM's crypto and Netty paths before timing
    }

    @AfterAll
    static void stop() {
        bmc.close();
    }

    record Run(int exit, String output, long millis) {}

    static Run run(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Run r = new Run(p.exitValue(), out, (System.nanoTime() - t0) / 1_000_000);
        System.out.println(String.join(" ", cmd) + "\n  -> exit " + r.exit() + " in " + r.millis() + " ms\n" + out);
        return r;
    }

    static Run ipmitool(String user, String password, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(bmc.port()),
                "-U",
                user,
                "-P",
                password,
                "-R",
                "1",
                "-N",
                "1"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    @Test
    void ipmitoolWithoutCipherOptionPicksSuite17QuicklyAndReadsDeviceId() throws Exception {
        Run r = ipmitool("admin", "secret", "mc", "info");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Firmware Revision         : 1.23"), r.output());
        assertTrue(r.output().contains("Product ID                : 4660 (0x1234)"), r.output());
        assertTrue(r.millis() < 1000, "no cipher-suite stall expected, took " + r.millis() + " ms");
    }

    @Test
    void ipmitoolCipherSuite3() throws Exception {
        Run r = ipmitool("admin", "secret", "-C", "3", "mc", "info");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Firmware Revision         : 1.23"), r.output());
    }

    @Test
    void ipmitoolCipherSuite17() throws Exception {
        Run r = ipmitool("admin", "secret", "-C", "17", "mc", "info");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Device ID                 : 32"), r.output());
    }

    @Test
    void ipmitoolOperatorCannotBecomeAdministrator() throws Exception {
        Run r = ipmitool("oper", "opsecret", "-L", "OPERATOR", "raw", "0x00", "0x02", "0x01");
        assertEquals(0, r.exit(), r.output());
        Run admin = ipmitool("oper", "opsecret", "-L", "ADMINISTRATOR", "mc", "info");
        assertNotEquals(0, admin.exit(), admin.output());
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        long before = bmc.counters.authFailureCount();
        Run r = ipmitool("admin", "wrong", "-v", "mc", "info");
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("RAKP 2 HMAC is invalid"), r.output());
        // ipmitool gives up silently after checking RAKP 2 itself: the handshake times out and counts.
        bmc.clock.advance(IpmiLanOptions.DEFAULT_HANDSHAKE_TIMEOUT);
        bmc.processor.sweep();
        assertTrue(bmc.counters.authFailureCount() > before);
    }

    @Test
    void unknownUserGetsRakp2UnauthorizedName() throws Exception {
        Run r = ipmitool("mallory", "secret", "-v", "mc", "info");
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("unauthorized name"), r.output());
    }

    @Test
    void cipherSuite0IsRefused() throws Exception {
        Run r = ipmitool("admin", "secret", "-C", "0", "mc", "info");
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("no matching cipher suite"), r.output());
    }

    @Test
    void ipmiV15LanInterfaceIsRefused() throws Exception {
        Run r = run(List.of(
                "ipmitool",
                "-I",
                "lan",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(bmc.port()),
                "-U",
                "admin",
                "-P",
                "secret",
                "-R",
                "1",
                "-N",
                "1",
                "mc",
                "info"));
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Authentication type NONE not supported"), r.output());
        assertTrue(r.output().contains("Unable to establish IPMI v1.5 / RMCP session"), r.output());
    }

    @Test
    void freeIpmiBmcInfoOverLan20() throws Exception {
        Run r = run(List.of(
                "bmc-info",
                "-h",
                "127.0.0.1:" + bmc.port(),
                "-u",
                "admin",
                "-p",
                "secret",
                "--driver-type=LAN_2_0",
                "--get-device-id"));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().matches("(?s).*Firmware Revision +: 1\\.23.*"), r.output());
        assertTrue(r.output().contains("Product ID            : 4660"), r.output());
    }

    @Test
    void freeIpmiFullBmcInfo() throws Exception {
        Run r = run(List.of(
                "bmc-info", "-h", "127.0.0.1:" + bmc.port(), "-u", "admin", "-p", "secret", "--driver-type=LAN_2_0"));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("System GUID : 10325476-98ba-dcfe-efcd-ab8967452301"), r.output());
    }

    @Test
    void freeIpmiWrongPasswordIsRefused() throws Exception {
        Run r = run(List.of(
                "bmc-info",
                "-h",
                "127.0.0.1:" + bmc.port(),
                "-u",
                "admin",
                "-p",
                "nope",
                "--driver-type=LAN_2_0",
                "--get-device-id"));
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("password invalid"), r.output());
    }

    /**
     * ipmiutil 3.18 has no port option for -F lan2 (its usage lists none; it always sends to UDP 623). Run it
     * only when this test may bind 127.0.0.1:623 (root, port free); otherwise skip with that reason.
     */
    @Test
    void ipmiutilHealthOverLan2OnPort623() throws Exception {
        Assumptions.assumeTrue(
                port623Free(),
                "ipmiutil -F lan2 always uses UDP 623 (no port option) and "
                        + "127.0.0.1:623 cannot be bound here (not root or in use)");
        try (LanTestServer on623 = new LanTestServer(IpmiLanOptions.defaults().withBind("127.0.0.1", 623))) {
            on623.server.startBlocking();
            Run r = run(List.of("ipmiutil", "health", "-N", "127.0.0.1", "-U", "admin", "-P", "secret", "-F", "lan2"));
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("Power State       = 00       (S0: working)"), r.output());
            assertTrue(r.output().contains("BMC version       = 1.23, IPMI v2.0"), r.output());
        }
    }

    private static boolean port623Free() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 623))) {
            return s.isBound();
        } catch (SocketException e) {
            return false;
        }
    }
}
