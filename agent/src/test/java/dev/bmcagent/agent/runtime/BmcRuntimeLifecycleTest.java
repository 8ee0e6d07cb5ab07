package dev.bmcagent.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.hostif.VmControl;
import dev.bmcagent.ipmi.message.NetFn;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start/close of the whole runtime, power control from a real ipmitool to the VM link, durable SEL across runs. */
class BmcRuntimeLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void chassisPowerGoesToTheVmLinkAndCloseReleasesThePorts() throws Exception {
        InetSocketAddress lan;
        InetSocketAddress hostIf;
        try (RuntimeFixture f = new RuntimeFixture(dir, i -> HostHardware.none())) {
            lan = f.runtime.ipmiAddress(0);
            hostIf = f.runtime.hostInterfaceAddress(0);
            f.powerOn();
            f.send(NetFn.APP, 0x06, "82 82");
            String status = IpmitoolSelElistTest.ipmitool(lan.getPort(), "chassis", "power", "status");
            assertEquals("Chassis Power is on", status.trim());
            IpmitoolSelElistTest.ipmitool(lan.getPort(), "chassis", "power", "reset");
            await().until(() -> f.controls.contains(VmControl.of(0x04))); // VM_CMD_RESET 04 A1
            assertEquals(0, f.node().agent().effectFailures());
            assertTrue(f.events().stream()
                    .anyMatch(
                            e -> e.event() instanceof dev.bmcagent.acpi.lifecycle.LifecycleEvent.PowerActionRequested p
                                    && p.action() == PowerAction.HARD_RESET));
        }
        try (DatagramSocket udp = new DatagramSocket(lan.getPort(), InetAddress.getLoopbackAddress());
                ServerSocket tcp = new ServerSocket(hostIf.getPort(), 1, InetAddress.getLoopbackAddress())) {
            assertTrue(udp.isBound() && tcp.isBound());
        }
    }

    @Test
    void selSurvivesARestartAndIdsContinue() throws Exception {
        int lastId;
        try (RuntimeFixture f = new RuntimeFixture(dir, i -> HostHardware.none())) {
            f.powerOn();
            BootOverVmLinkTest.boot(f);
            await().until(() -> f.sel().size() == 9);
            lastId = f.node().spec().sel().last().orElseThrow().recordId();
        }
        try (RuntimeFixture f = new RuntimeFixture(dir, i -> HostHardware.none())) {
            assertEquals(9, f.sel().size());
            f.powerOn();
            await().until(() -> f.sel().size() == 10);
            assertEquals(lastId + 1, f.node().spec().sel().last().orElseThrow().recordId());
        }
    }

    @Test
    void bootdevFromIpmitoolIsReadByTheHostAndConsumedByItsAcknowledge() throws Exception {
        try (RuntimeFixture f = new RuntimeFixture(dir, i -> HostHardware.none())) {
            int port = f.runtime.ipmiAddress(0).getPort();
            IpmitoolSelElistTest.ipmitool(port, "chassis", "bootdev", "pxe", "options=efiboot");
            f.powerOn();
            // Get System Boot Options param 5 from the host: version 01h, param 05h, flags A0 04 00 00 00
            assertEquals("01 05 A0 04 00 00 00", hex(f.send(NetFn.CHASSIS, 0x09, "05 00 00")));
            f.send(NetFn.CHASSIS, 0x08, "04 01 00"); // BIOS/POST acknowledges: the one-time boot is consumed
            assertEquals("01 05 20 04 00 00 00", hex(f.send(NetFn.CHASSIS, 0x09, "05 00 00")));
            String get = IpmitoolSelElistTest.ipmitool(port, "chassis", "bootparam", "get", "5");
            assertTrue(get.contains("Boot Flag Invalid"), get);
            assertTrue(f.stores.settings().get("ipmi.boot-options.host0").isPresent());
        }
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }
}
