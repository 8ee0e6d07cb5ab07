package dev.bmcagent.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.ipmi.message.NetFn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole boot over a real VM-protocol TCP link into a running BmcRuntime. */
class BootOverVmLinkTest {
    @TempDir
    Path dir;

    private RuntimeFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new RuntimeFixture(dir, i -> HostHardware.none());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static void boot(RuntimeFixture f) {
        f.send(NetFn.APP, 0x06, "82 82"); // Set ACPI: S2, D2
        f.send(NetFn.GROUP_EXTENSION, 0x02, "AE 01000000 00100203 00"); // SBMR: PEI core 03021000h
        f.send(NetFn.GROUP_EXTENSION, 0x02, "AE 01000000 00100500 00"); // SBMR: memory init 00051000h
        f.send(NetFn.SENSOR_EVENT, 0x02, "01 04 0F 05 6F C2 03 FF"); // PEM: FW progress, secondary CPU
        f.send(NetFn.OEM, 0x10, "94"); // POST code 94h: PCI enumeration
        f.send(NetFn.GROUP_EXTENSION, 0x02, "AE 01000000 01100503 00"); // SBMR: ReadyToBoot 03051001h
        f.send(NetFn.APP, 0x06, "80 80"); // Set ACPI: S0, D0
        f.send(NetFn.SENSOR_EVENT, 0x02, "01 04 1F 07 6F 06 FF FF"); // PEM: OS boot completed
    }

    private List<String> eventNames() {
        return f.events().stream().map(BootOverVmLinkTest::describe).collect(Collectors.toList());
    }

    static String describe(HostEvent e) {
        LifecycleEvent ev = e.event();
        if (ev instanceof LifecycleEvent.AcpiChanged a) {
            return "Acpi " + a.system() + (a.inferred() ? " inferred" : "");
        }
        if (ev instanceof LifecycleEvent.BootProgressChanged b) {
            return "Progress " + b.progress().lastState();
        }
        if (ev instanceof LifecycleEvent.PowerChanged p) {
            return "Power " + (p.on() ? "on" : "off");
        }
        return ev.getClass().getSimpleName();
    }

    @Test
    void powerOnToOsRunning() {
        f.powerOn();
        boot(f);
        await().until(() -> f.node().state().progress().lastState() == BootProgressState.OSRunning);
        assertEquals(AcpiSystemState.S0_G0_D0, f.node().state().system());
        // The host's own platform events are stored as sent, when they arrive (before the lifecycle's records of
        // inputs still queued on the mailbox), so they are checked apart from the BMC's records.
        assertEquals(
                List.of(
                        "BMC 1D/00 FF", // system boot initiated: power up
                        "BMC 22/02 FF", // ACPI S2 (reported)
                        "BMC 0F/02 19", // FW progress: primary CPU init (from SBMR 03021000h)
                        "BMC 0F/02 01", // memory init (SBMR 00051000h)
                        "BMC 0F/02 03", // secondary CPU init (IPMI 0Fh ED2 03h)
                        "BMC 0F/02 07", // PCI resource config (POST code 94h)
                        "BMC 0F/02 13", // ReadyToBoot: "System boot initiated" (SBMR 03051001h)
                        "BMC 22/00 FF", // ACPI S0 (reported)
                        "BMC 1F/06 FF"), // OS boot completed (lifecycle)
                f.sel().stream().filter(r -> r.startsWith("BMC")).collect(Collectors.toList()));
        // host events the lifecycle understands are recorded once, by the BMC: no raw BIOS copies
        assertEquals(
                List.of(), f.sel().stream().filter(r -> r.startsWith("BIOS")).collect(Collectors.toList()));
        await().until(() -> eventNames().contains("BootCycleEnded"));
        List<String> names = eventNames();
        assertEquals(
                List.of(
                        "Power on",
                        "BootCycleStarted",
                        "GateChanged",
                        "Acpi S2_D2",
                        "FanModeChanged",
                        "Progress PrimaryProcessorInitializationStarted",
                        "Progress MemoryInitializationStarted",
                        "Progress SecondaryProcessorInitializationStarted",
                        "PostCodeSeen",
                        "Progress PCIResourceConfigStarted",
                        "Progress OSBootStarted",
                        "Acpi S0_G0_D0",
                        "Progress OSRunning",
                        "BootCycleEnded",
                        "GateChanged",
                        "GateChanged",
                        "FanModeChanged"),
                names);
        assertEquals(0, f.node().agent().effectFailures());
    }

    @Test
    void immediatePowerCycleInfersS5() {
        f.powerOn();
        boot(f);
        await().until(() -> f.node().state().progress().lastState() == BootProgressState.OSRunning);
        int before = f.sel().size();
        f.host.disconnect(); // power lost without the host reporting S5
        await().atMost(Duration.ofSeconds(30)).until(() -> !f.node().state().powerOn());
        f.powerOn(); // and back
        f.send(NetFn.APP, 0x06, "82 82");
        await().until(() -> f.node().state().system() == AcpiSystemState.S2_D2);
        List<String> after = f.sel().subList(before, f.sel().size());
        assertEquals(List.of("BMC 22/05 FF", "BMC 1D/00 FF", "BMC 22/02 FF"), after); // S5 inferred first
        // the inferred S5 says so in the record: ED1 = 25h (offset 05h, bits 5:4 = 10b "OEM code in ED3"), ED3 = 01h
        var s5 = f.node()
                .spec()
                .sel()
                .get(f.node().spec().sel().first().orElseThrow().recordId() + before)
                .orElseThrow()
                .event();
        assertEquals(0x25, s5.data1());
        assertEquals(0x01, s5.data3());
        assertEquals(
                1,
                eventNames().stream()
                        .filter(n -> n.equals("Acpi S5_G2 inferred"))
                        .count());
    }
}
