package dev.bmcagent.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.progress.BootProgressState;
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
        List<String> argv = new java.util.ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-H", "127.0.0.1", "-p",
                Integer.toString(port), "-U", RuntimeFixture.ADMIN, "-P", RuntimeFixture.PASSWORD, "-C", "17"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ipmitool timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
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
            List<String> lines = out.lines().map(l -> l.split("\\|", 4)[3].trim()).toList();   // drop id, date, time
            assertEquals(List.of(
                    "System Boot Initiated RESTART_CAUSE | Initiated by power up | Asserted",
                    "System ACPI Power State ACPI_STATUS | S2: sleeping, processor context lost | Asserted"),
                    lines.subList(0, 2));
            assertTrue(lines.contains("System Firmwares FW_PROGRESS | Memory initialization | Asserted"), out);
            assertTrue(lines.contains("System Firmwares FW_PROGRESS | System boot initiated | Asserted"), out);
            assertTrue(lines.contains("System ACPI Power State ACPI_STATUS | S0/G0: working | Asserted"), out);
            assertEquals("OS Boot OS_BOOT | boot completed - device not specified | Asserted",
                    lines.get(lines.size() - 1));
            // the host's own events are taken over by the lifecycle: each appears once, BMC-owned, with its name
            assertTrue(lines.stream().noneMatch(l -> l.contains("#0x")), out);
            assertEquals(9, lines.size(), out);
        }
    }
}
