package dev.bmcagent.simulator.netboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.simulator.firmware.BiosUpdateEffect;
import dev.bmcagent.simulator.firmware.FirmwareComponent;
import dev.bmcagent.simulator.firmware.FirmwareTiming;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.support.RecordingLink;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirmwareUpdateTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();

    private SimulatedHost runningHost(BiosUpdateEffect effect) {
        SimulatedHost h = new SimulatedHost(
                0,
                HostConfig.builder()
                        .timing(FirmwareTiming.SERVER.exact())
                        .nics(2)
                        .biosUpdateEffect(effect)
                        .build(),
                11,
                scheduler);
        h.attach(new RecordingLink(scheduler));
        h.powerOn();
        scheduler.runUntilIdle();
        // the operator's declared order: HTTPS IPv6 first, disk kept after the network options
        h.nvram().writeBootOrder(DeclaredOrder.apply(h.nvram().bootOrder(), List.of(".*HTTPS IPv6.*")));
        return h;
    }

    @Test
    void biosUpdateWithEdk2RefreshMovesRecreatedNetworkOptionsToTheEnd() {
        SimulatedHost h = runningHost(BiosUpdateEffect.REFRESH_APPENDS_NETWORK);
        List<BootOption> before = h.nvram().bootOrder();
        assertTrue(before.get(0).description().startsWith("UEFI: HTTPS IPv6"));
        h.flash(FirmwareComponent.BIOS);
        h.reboot();
        scheduler.runUntilIdle();
        List<BootOption> after = h.nvram().bootOrder();
        assertEquals(BootOption.Kind.DISK, after.get(0).kind(), "the disk is now first");
        List<BootOption> network = after.subList(1, after.size());
        assertTrue(network.stream().allMatch(BootOption::isNetwork));
        assertTrue(
                network.get(0).description().startsWith("UEFI: HTTPS IPv4 Intel"),
                "re-created in enumeration order: the declared HTTPS IPv6 preference is gone");
        assertTrue(network.stream().noneMatch(before::contains), "re-created options have new Boot#### numbers");
        assertTrue(h.boots().get(1).longTraining(), "firmware change: long memory training");
        assertEquals(
                after.stream().map(BootOption::description).toList(),
                h.boots().get(1).bootOrderAtPost());
    }

    @Test
    void biosUpdateThatResetsNvramRestoresTheVendorDefaultOrder() {
        SimulatedHost h = runningHost(BiosUpdateEffect.RESET_TO_DEFAULTS);
        h.flash(FirmwareComponent.BIOS);
        h.reboot();
        scheduler.runUntilIdle();
        assertEquals(
                DeclaredOrder.vendorDefault(h.nvram().bootOrder()), h.nvram().bootOrder());
        assertTrue(h.nvram().bootOrder().get(0).description().startsWith("UEFI: HTTPS IPv4"));
    }

    @Test
    void nicUpdateRecreatesNetworkOptionsButKeepsShortTraining() {
        SimulatedHost h = runningHost(BiosUpdateEffect.RESET_TO_DEFAULTS);
        List<BootOption> before = h.nvram().bootOrder();
        h.flash(FirmwareComponent.NIC);
        h.reboot();
        scheduler.runUntilIdle();
        assertNotEquals(before, h.nvram().bootOrder());
        assertEquals(BootOption.Kind.DISK, h.nvram().bootOrder().get(0).kind());
        assertTrue(!h.boots().get(1).longTraining());
    }

    @Test
    void bmcUpdateLeavesTheHostConfigurationAlone() {
        SimulatedHost h = runningHost(BiosUpdateEffect.RESET_TO_DEFAULTS);
        List<BootOption> before = h.nvram().bootOrder();
        h.flash(FirmwareComponent.BMC);
        h.reboot();
        scheduler.runUntilIdle();
        assertEquals(before, h.nvram().bootOrder());
        assertEquals(2, h.boots().size());
    }
}
