package dev.bmcagent.acpi.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.state.AcpiSystemState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Golden SEL choices (IPMI 2.0 table 42-3): sensor type, offset, event data 2/3. */
class LifecycleSelEventsTest {

    private static void assertSel(int sensorType, int offset, int ed2, int ed3, SelEvent e) {
        assertEquals(sensorType, e.sensor().sensorType(), "sensor type");
        assertEquals(offset, e.offset(), "offset (event data 1 bits 3:0)");
        assertEquals(ed2, e.eventData2(), "event data 2");
        assertEquals(ed3, e.eventData3(), "event data 3");
        assertEquals(true, e.assertion());
    }

    @ParameterizedTest
    @EnumSource(AcpiSystemState.class)
    void acpiOffsetIsTheStatesSelOffset(AcpiSystemState s) {
        assertSel(0x22, s.selOffset(), 0xFF, 0xFF, LifecycleSelEvents.acpi(s));
    }

    @Test
    void acpiGolden() {
        assertSel(0x22, 0x05, 0xFF, 0xFF, LifecycleSelEvents.acpi(AcpiSystemState.S5_G2)); // "S5/G2: soft-off"
        assertSel(
                0x22,
                0x05,
                0xFF,
                0x01,
                LifecycleSelEvents.acpiInferred(AcpiSystemState.S5_G2)); // inferred: OEM code in ED3
        assertSel(
                0x22, 0x0E, 0xFF, 0xFF, LifecycleSelEvents.acpi(AcpiSystemState.UNKNOWN)); // command code 2Ah, SEL 0Eh
    }

    @Test
    void restartCause() {
        assertSel(
                0x1D,
                0x00,
                0xFF,
                0xFF,
                LifecycleSelEvents.restart(LifecycleSelEvents.RESTART_POWER_UP)); // initiated by power up
        assertSel(
                0x1D,
                0x01,
                0xFF,
                0xFF,
                LifecycleSelEvents.restart(LifecycleSelEvents.RESTART_HARD_RESET)); // hard reset
        assertSel(
                0x1D,
                0x02,
                0xFF,
                0xFF,
                LifecycleSelEvents.restart(LifecycleSelEvents.RESTART_WARM_RESET)); // warm reset
        // System Restart, ED2 = restart cause 00h unknown (a restart the BMC only inferred)
        assertSel(0x1D, 0x07, 0x00, 0xFF, LifecycleSelEvents.systemRestart(LifecycleSelEvents.RESTART_CAUSE_UNKNOWN));
    }

    @ParameterizedTest
    @CsvSource({"0x01", "0x13", "0x19", "0x1A"})
    void firmwareProgress(String code) {
        int ed2 = Integer.decode(code);
        assertSel(0x0F, 0x02, ed2, 0xFF, LifecycleSelEvents.firmwareProgress(ed2));
    }

    @Test
    void firmwareProblems() {
        assertSel(
                0x0F,
                0x00,
                0x01,
                0xFF,
                LifecycleSelEvents.firmwareProblem(LifecycleInput.FirmwareProblemKind.ERROR, 0x01));
        assertSel(
                0x0F,
                0x01,
                0x19,
                0xFF,
                LifecycleSelEvents.firmwareProblem(LifecycleInput.FirmwareProblemKind.HANG, 0x19));
    }

    @ParameterizedTest
    @EnumSource(LifecycleInput.BootErrorKind.class)
    void bootError(LifecycleInput.BootErrorKind kind) {
        assertSel(0x1E, kind.selOffset(), 0xFF, 0xFF, LifecycleSelEvents.bootError(kind));
    }

    @Test
    void bootErrorGolden() {
        assertSel(
                0x1E,
                0x02,
                0xFF,
                0xFF,
                LifecycleSelEvents.bootError(LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND));
    }

    @Test
    void osBootCompleted() {
        assertSel(
                0x1F, 0x06, 0xFF, 0xFF, LifecycleSelEvents.osBootCompleted()); // boot completed - device not specified
    }

    @Test
    void bootOrder() {
        assertSel(0xC0, 0x00, 0x02, 0x03, LifecycleSelEvents.bootOrder(LifecycleEvent.ReconcileDecision.OK, 2, 3));
        assertSel(
                0xC0,
                0x01,
                0x01,
                0x03,
                LifecycleSelEvents.bootOrder(LifecycleEvent.ReconcileDecision.REAPPLY_AND_REBOOT, 1, 3));
        assertSel(0xC0, 0x02, 0x03, 0x03, LifecycleSelEvents.bootOrder(LifecycleEvent.ReconcileDecision.ALARM, 3, 3));
    }
}
