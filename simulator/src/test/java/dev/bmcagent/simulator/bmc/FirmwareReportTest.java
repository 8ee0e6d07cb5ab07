package dev.bmcagent.simulator.bmc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.core.firmware.FirmwareChange;
import dev.bmcagent.simulator.firmware.FirmwareComponent;
import dev.bmcagent.simulator.firmware.FirmwareTiming;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.host.HostPowerState;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A simulated host reports its BIOS and NIC option-ROM versions to the real agent's command table at every POST
 * (Set System Info Parameters over its system interface); after a BIOS update the agent holds the new version and
 * the change in its history.
 */
class FirmwareReportTest {

    @Test
    void versionsReachTheAgentAtBootAndChangeWithAnUpdate() {
        VirtualScheduler scheduler = new VirtualScheduler();
        SimulatedHost host = new SimulatedHost(
                0, HostConfig.builder().timing(FirmwareTiming.SERVER.exact()).build(), 7, scheduler);
        AgentBmcFactory bmc = new AgentBmcFactory(AgentBmcOptions.defaults());
        bmc.prepare(List.of(host), scheduler);
        host.attach(bmc.attach(host, scheduler));
        host.powerOn();
        runUntilOs(scheduler, host);
        assertEquals(
                Map.of("BIOS", "SIM-BIOS 1.0", "NIC0", "SIM-UNDI 20.0"),
                bmc.node(0).firmware().firmwareVersions());

        host.flash(FirmwareComponent.BIOS);
        host.reboot();
        scheduler.runFor(Duration.ofMinutes(1));
        runUntilOs(scheduler, host);
        assertEquals("SIM-BIOS 1.1", bmc.node(0).firmware().firmwareVersions().get("BIOS"));
        List<FirmwareChange> history = bmc.node(0).firmware().history();
        assertEquals(
                List.of(
                        "BIOS:->SIM-BIOS 1.0",
                        "BIOSVendor:->bmc-agent simulator",
                        "NIC0:->SIM-UNDI 20.0",
                        "NIC0Vendor:->bmc-agent simulator",
                        "CPU0:->SIM-CPU",
                        "BIOS:SIM-BIOS 1.0->SIM-BIOS 1.1"),
                history.stream()
                        .map(c -> c.component() + ":" + c.from() + "->" + c.to())
                        .toList());
        // the manufacturers and the processor, as the simulated firmware reports them from its SMBIOS tables
        assertEquals(
                Map.of("BIOS", "bmc-agent simulator", "NIC0", "bmc-agent simulator"),
                bmc.node(0).firmware().firmwareVendors());
        assertEquals(List.of("SIM-CPU"), bmc.node(0).firmware().processors());
    }

    private static void runUntilOs(VirtualScheduler scheduler, SimulatedHost host) {
        for (int i = 0; i < 240 && host.state() != HostPowerState.OS; i++) {
            scheduler.runFor(Duration.ofSeconds(30));
        }
        assertEquals(HostPowerState.OS, host.state());
    }
}
