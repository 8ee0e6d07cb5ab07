package dev.bmcagent.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.ipmi.message.NetFn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host sets its firmware version through the system interface (Set System Info Parameters, two 16-byte blocks);
 * a real {@code ipmitool mc getsysinfo system_fw_version} over RMCP+ reads it; {@code ipmitool mc setsysinfo} over
 * LAN, even as Administrator, cannot change it; the change is a SEL Version Change event.
 */
class IpmitoolSysInfoTest {
    @TempDir
    Path dir;

    record Run(int exit, String out) {}

    static Run ipmitool(int port, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                RuntimeFixture.ADMIN,
                "-P",
                RuntimeFixture.PASSWORD,
                "-C",
                "17"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ipmitool timed out");
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void hostSetsItsFirmwareVersionLanReadsItAndCannotChangeIt() throws Exception {
        try (RuntimeFixture f = new RuntimeFixture(dir, i -> HostHardware.none())) {
            f.powerOn();
            int port = f.runtime.ipmiAddress(0).getPort();
            // "EDK2 2025.02-rc1.7x" (19 bytes): block 0 = param 01h, set 0, ASCII, length 13h, 14 bytes
            f.send(NetFn.APP, 0x58, "01 00 00 13 45 44 4B 32 20 32 30 32 35 2E 30 32 2D 72");
            f.send(NetFn.APP, 0x58, "01 01 63 31 2E 37 78 00 00 00 00 00 00 00 00 00 00 00");
            f.send(NetFn.APP, 0x58, "C0 00 00 06 32 30 2E 35 2E 31"); // NIC0 option ROM "20.5.1"

            Run get = ipmitool(port, "mc", "getsysinfo", "system_fw_version");
            assertEquals(0, get.exit(), get.out());
            assertEquals("EDK2 2025.02-rc1.7x", get.out().trim());

            Run set = ipmitool(port, "mc", "setsysinfo", "system_fw_version", "HACKED-1.0");
            System.out.println("ipmitool mc setsysinfo over LAN: exit " + set.exit() + ": "
                    + set.out().trim());
            assertTrue(set.out().contains("Insufficient privilege"), set.out()); // D4h; ipmitool still exits 0
            assertEquals(
                    "EDK2 2025.02-rc1.7x",
                    ipmitool(port, "mc", "getsysinfo", "system_fw_version")
                            .out()
                            .trim());

            assertEquals(
                    Map.of("BIOS", "EDK2 2025.02-rc1.7x", "NIC0", "20.5.1"),
                    f.node().firmware().firmwareVersions());
            assertTrue(f.sel().contains("BMC 2B/07 09"), "BIOS version change in the SEL: " + f.sel());
            assertTrue(f.sel().contains("BMC 2B/07 13"), "NIC version change in the SEL: " + f.sel());
            Run elist = ipmitool(port, "sel", "elist");
            System.out.println("ipmitool sel elist:\n" + elist.out());
            assertTrue(elist.out().contains("Version Change"), elist.out());
        }
    }
}
