package dev.bmcagent.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.ipmi.message.NetFn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protective behaviours, end to end through the command table into one HostNode on a manual scheduler. */
class HostNodeScenariosTest {
    private static final String MEMORY_INIT = "AE 01000000 00100500 00"; // SBMR 00051000h
    private static final String SECONDARY_CPU = "AE 01000000 07100100 00"; // SBMR 00011007h

    private final NodeFixture f = new NodeFixture();

    private void powerOnToS2() {
        f.node.powerGood(true);
        f.host(NetFn.APP, 0x06, "82 82");
    }

    private void toS0() {
        f.host(NetFn.APP, 0x06, "80 80");
    }

    @Test
    void stuckInMemoryTrainingRaisesOneAlertKeptOnProgressClearedAtS0() {
        powerOnToS2();
        f.host(NetFn.GROUP_EXTENSION, 0x02, MEMORY_INIT);
        f.advance(Duration.ofMinutes(14));
        assertEquals(List.of(), f.events(LifecycleEvent.AlertRaised.class));
        f.advance(Duration.ofMinutes(2)); // past the 15 min memory training limit
        f.advance(Duration.ofMinutes(10)); // ticks go on: still one alert
        List<LifecycleEvent.AlertRaised> raised = f.events(LifecycleEvent.AlertRaised.class);
        assertEquals(1, raised.size());
        assertEquals(AlertKind.STUCK_PRE_OS, raised.get(0).alert().kind());
        assertTrue(f.node.state().alerts().containsKey(AlertKind.STUCK_PRE_OS));
        f.host(NetFn.GROUP_EXTENSION, 0x02, SECONDARY_CPU);
        assertEquals(0, f.events(LifecycleEvent.AlertCleared.class).size(), "progress is not the OS");
        assertEquals(1, f.events(LifecycleEvent.AlertUpdated.class).size());
        toS0();
        assertEquals(1, f.events(LifecycleEvent.AlertCleared.class).size());
        assertTrue(f.node.state().alerts().isEmpty());
    }

    @Test
    void failedSensorInS0IsFailSafeButUnpoweredSensorInS5IsNot() {
        f.advance(Duration.ofSeconds(10)); // S5: CPU_TEMP gated (unpowered), never read, fans normal
        assertEquals(0, f.bus.reads("CPU_TEMP"));
        assertEquals(FanMode.Normal, f.node.state().fanMode());
        assertTrue(f.bus.reads("INLET_TEMP") > 0);

        powerOnToS2();
        f.readings.put("CPU_TEMP", new Reading.Value(45));
        f.readings.put("DIMM_TEMP_0", new Reading.Value(40));
        f.readings.put("DIMM_TEMP_1", new Reading.Value(41));
        toS0();
        f.advance(Duration.ofSeconds(3));
        assertEquals(FanMode.Normal, f.node.state().fanMode());
        f.readings.remove("CPU_TEMP"); // the device stops answering while the host runs
        f.advance(Duration.ofSeconds(3));
        assertEquals(FanMode.FailSafe, f.node.state().fanMode());
        assertEquals(100, f.duties.get(f.duties.size() - 1)); // FanPolicy.DEFAULT fail-safe duty
        assertEquals(
                1,
                f.events(LifecycleEvent.AlertRaised.class).stream()
                        .filter(a -> a.alert().kind() == AlertKind.FAN_FAILSAFE)
                        .count());
    }

    @Test
    void dimmBusIsNotReadDuringFirmwareInit() {
        f.readings.put("DIMM_TEMP_0", new Reading.Value(40));
        f.readings.put("DIMM_TEMP_1", new Reading.Value(41));
        f.readings.put("CPU_TEMP", new Reading.Value(45));
        powerOnToS2();
        f.host(NetFn.GROUP_EXTENSION, 0x02, MEMORY_INIT);
        f.advance(Duration.ofMinutes(5)); // 300 poll periods in S2_D2
        assertEquals(0, f.bus.reads("DIMM_TEMP_0"));
        assertEquals(0, f.bus.reads("DIMM_TEMP_1"));
        assertEquals(FanMode.FixedDuty, f.node.state().fanMode());
        toS0();
        f.advance(Duration.ofSeconds(2));
        assertTrue(f.bus.reads("DIMM_TEMP_0") > 0);
    }

    /** 30h/11h in one chunk: total 2, first index 0, then the options. */
    private static final String GOOD_ORDER = "02 00" + hexAscii("HTTP v6 P1") + hexAscii("HTTP v4 P1");

    private static final String BAD_ORDER = "02 00" + hexAscii("HTTP v4 P1") + hexAscii("HTTP v6 P1");

    /** Length byte, then the ASCII bytes. */
    private static String hexAscii(String s) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, " %02X", s.length()));
        for (int i = 0; i < s.length(); i++) {
            b.append(String.format(java.util.Locale.ROOT, " %02X", (int) s.charAt(i)));
        }
        return b.toString();
    }

    /** One POST's BDS phase as the simulated firmware does it; returns whether an order was pending. */
    private boolean post(String reportedOrder) {
        f.node.platformReset();
        f.host(NetFn.APP, 0x06, "82 82");
        boolean pending = f.host(NetFn.OEM, 0x12, "")[0] != 0;
        if (pending) {
            f.host(NetFn.OEM, 0x13, "00");
        }
        f.host(NetFn.OEM, 0x11, reportedOrder);
        return pending;
    }

    @Test
    void bootOrderDriftIsReappliedWithOneReboot() {
        f.node.powerGood(true);
        f.node.submit(new dev.bmcagent.acpi.lifecycle.LifecycleInput.BootOrderDeclared(List.of(".*v6.*", ".*v4.*")));
        assertEquals(List.of(".*v6.*", ".*v4.*"), f.node.pendingBootOrder().current());
        assertTrue(post(GOOD_ORDER)); // firmware writes it and reports it: OK
        assertEquals(List.of(), f.node.pendingBootOrder().current()); // cleared on acknowledge
        assertEquals(List.of(), f.powerActions);
        assertTrue(!post(BAD_ORDER)); // a firmware update scrambled it
        assertEquals(List.of(PowerAction.WARM_RESET), f.powerActions);
        assertTrue(post(GOOD_ORDER)); // re-applied order was pending, now sticks
        assertEquals(List.of(PowerAction.WARM_RESET), f.powerActions);
        assertEquals(
                List.of(
                        LifecycleEvent.ReconcileDecision.OK,
                        LifecycleEvent.ReconcileDecision.REAPPLY_AND_REBOOT,
                        LifecycleEvent.ReconcileDecision.OK),
                f.events(LifecycleEvent.ReconcileDecided.class).stream()
                        .map(LifecycleEvent.ReconcileDecided::decision)
                        .toList());
        assertEquals(2, f.node.pendingBootOrder().applies());
    }

    @Test
    void reapplyThatNeverSticksAlarmsAfterThreeWithoutAFourthReboot() {
        f.node.powerGood(true);
        f.node.submit(new dev.bmcagent.acpi.lifecycle.LifecycleInput.BootOrderDeclared(List.of(".*v6.*", ".*v4.*")));
        for (int i = 0; i < 6; i++) {
            post(BAD_ORDER); // acknowledges 00h, but NVRAM keeps the old order
        }
        assertEquals(3, f.powerActions.size());
        assertEquals(
                1,
                f.events(LifecycleEvent.AlertRaised.class).stream()
                        .filter(a -> a.alert().kind() == AlertKind.BOOT_ORDER)
                        .count());
        assertEquals(AcpiSystemState.S2_D2, f.node.state().system());
    }

    @Test
    void getSensorReadingComesFromThePollerAndIsUnavailableWhenGated() {
        f.readings.put("CPU_TEMP", new Reading.Value(45));
        f.advance(Duration.ofSeconds(2));
        // Get Sensor Reading (04h/2Dh) CPU_TEMP (01h) in S5: reading byte 00h, flags C0h|20h "reading unavailable"
        assertEquals("00 E0", hex(f.host(NetFn.SENSOR_EVENT, 0x2D, "01"), 2));
        powerOnToS2();
        toS0();
        f.advance(Duration.ofSeconds(2));
        assertEquals("2D C0", hex(f.host(NetFn.SENSOR_EVENT, 0x2D, "01"), 2)); // 45 degrees C, m = 1
        // ACPI_STATUS (03h) reads the lifecycle: S0/G0 is offset 0, bit 0 of the discrete state
        assertEquals("00 C0 01", hex(f.host(NetFn.SENSOR_EVENT, 0x2D, "03"), 3));
    }

    @Test
    void aHostWithoutANodeIsNotPresent() {
        var r = f.dispatcher.dispatch(new dev.bmcagent.ipmi.message.IpmiRequest(
                dev.bmcagent.ipmi.message.RequestContext.systemInterface(1), NetFn.APP, 0, 0x07, new byte[0]));
        assertEquals(dev.bmcagent.ipmi.message.CompletionCode.NOT_PRESENT, r.completionCode()); // CBh
    }

    private static String hex(byte[] b, int n) {
        return java.util.HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b, 0, n);
    }
}
