package dev.bmcagent.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.core.node.HostHardware;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipmitool sel elist} as a real process over RMCP+ after a scripted boot over the VM link. */
class IpmitoolSelElistTest {
    @TempDir
    Path dir;

    static String ipmitool(int port, String... args) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(argv(port, args)).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ipmitool timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The command line of ipmitool over lanplus, cipher suite 17, as the fixture's administrator. */
    static List<String> argv(int port, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of(
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
        return argv;
    }

    @Test
    void selElistShowsTheWholeBoot() throws Exception {
        try (RuntimeFixture f = new RuntimeFixture(dir, i -> HostHardware.none())) {
            f.powerOn();
            BootOverVmLinkTest.boot(f);
            await().until(() -> f.node().state().progress().lastState() == BootProgressState.OSRunning);
            await().until(() -> f.sel().size() == 9);
            String out = ipmitool(f.runtime.ipmiAddress(0).getPort(), "sel", "elist");
            System.out.println("ipmitool sel elist:\n" + out);
            List<String> lines =
                    out.lines().map(l -> l.split("\\|", 4)[3].trim()).toList(); // drop id, date, time
            assertEquals(
                    List.of(
                            "System Boot Initiated RESTART_CAUSE | Initiated by power up | Asserted",
                            "System ACPI Power State ACPI_STATUS | S2: sleeping, processor context lost | Asserted"),
                    lines.subList(0, 2));
            assertTrue(lines.contains("System Firmwares FW_PROGRESS | Memory initialization | Asserted"), out);
            assertTrue(lines.contains("System Firmwares FW_PROGRESS | System boot initiated | Asserted"), out);
            assertTrue(lines.contains("System ACPI Power State ACPI_STATUS | S0/G0: working | Asserted"), out);
            assertEquals(
                    "OS Boot OS_BOOT | boot completed - device not specified | Asserted", lines.get(lines.size() - 1));
            // the host's own events are taken over by the lifecycle: each appears once, BMC-owned, with its name
            assertTrue(lines.stream().noneMatch(l -> l.contains("#0x")), out);
            assertEquals(9, lines.size(), out);
        }
    }

    /**
     * Issue #13 item 10: what the host sends is stored even when the lifecycle drops it (a repeated OS boot, progress
     * after the OS), and a boot error keeps the host's interface index and protocol bytes (ED2, ED3) in the SEL.
     */
    @Test
    void droppedHostEventsAreStoredAsSentAndBootErrorsKeepInterfaceAndProtocol() throws Exception {
        try (RuntimeFixture f = new RuntimeFixture(dir, i -> HostHardware.none())) {
            f.powerOn();
            f.send(dev.bmcagent.ipmi.message.NetFn.APP, 0x06, "82 82"); // S2, D2
            f.send(dev.bmcagent.ipmi.message.NetFn.SENSOR_EVENT, 0x02, "01 04 1E 06 6F A2 02 03"); // NIC2 HTTP(S) IPv6
            f.send(dev.bmcagent.ipmi.message.NetFn.SENSOR_EVENT, 0x02, "01 04 1E 06 6F A2 01 04"); // NIC1 iPXE IPv4
            BootOverVmLinkTest.boot(f);
            await().until(() -> f.node().state().progress().lastState() == BootProgressState.OSRunning);
            int before = f.sel().size();
            f.send(dev.bmcagent.ipmi.message.NetFn.SENSOR_EVENT, 0x02, "01 04 1F 07 6F 06 FF FF"); // OS boot again
            f.send(dev.bmcagent.ipmi.message.NetFn.SENSOR_EVENT, 0x02, "01 04 0F 05 6F C2 03 FF"); // progress after OS
            await().until(() -> f.sel().size() == before + 2);
            int port = f.runtime.ipmiAddress(0).getPort();
            String out = ipmitool(port, "sel", "elist");
            System.out.println("ipmitool sel elist:\n" + out);
            List<String> lines =
                    out.lines().map(l -> l.split("\\|", 4)[3].trim()).toList();
            // the repeated OS boot is written by the lifecycle (named); the progress after the OS as the host sent it
            assertEquals(
                    List.of(
                            "OS Boot OS_BOOT | boot completed - device not specified | Asserted",
                            "System Firmwares #0x05 | Secondary CPU Initialization | Asserted"),
                    lines.subList(lines.size() - 2, lines.size()),
                    out);
            List<String> bootErrors =
                    out.lines().filter(l -> l.contains("Boot Error")).toList();
            assertEquals(2, bootErrors.size(), out);
            String id = bootErrors.get(0).split("\\|", -1)[0].trim();
            String raw = ipmitool(port, "sel", "get", "0x" + id);
            System.out.println("ipmitool sel get 0x" + id + ":\n" + raw);
            assertTrue(raw.matches("(?s).*Event Data( \\(RAW\\))?\\s*:\\s*a20203.*"), raw);
            String second = ipmitool(
                    port,
                    "sel",
                    "get",
                    "0x" + bootErrors.get(1).split("\\|", -1)[0].trim());
            assertTrue(second.matches("(?s).*Event Data( \\(RAW\\))?\\s*:\\s*a20104.*"), second);
        }
    }
}
