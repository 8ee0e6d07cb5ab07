package dev.bmcagent.ipmi.sel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecycleSelEvents;
import dev.bmcagent.acpi.lifecycle.SelEvent;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.sdr.SensorNumbers;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SEL vocabulary is one table, {@link SelEvents}: acpi's domain constants (which cannot import ipmi) must name the
 * same sensor types and offsets, and a lifecycle event must encode to the very record the factories build.
 */
class SelTablesTest {

    @Test
    void acpiSensorTypesAreTheWireSensorTypes() {
        assertEquals(SelEvents.TYPE_ACPI_POWER_STATE, SelEvent.SelSensor.ACPI_STATUS.sensorType());
        assertEquals(SelEvents.TYPE_SYSTEM_RESTART, SelEvent.SelSensor.RESTART_CAUSE.sensorType());
        assertEquals(SelEvents.TYPE_SYSTEM_FIRMWARE, SelEvent.SelSensor.FW_PROGRESS.sensorType());
        assertEquals(SelEvents.TYPE_BOOT_ERROR, SelEvent.SelSensor.BOOT_ERROR.sensorType());
        assertEquals(SelEvents.TYPE_OS_BOOT, SelEvent.SelSensor.OS_BOOT.sensorType());
        assertEquals(
                6, SelEvent.SelSensor.values().length, "a new lifecycle sensor: add its row here and to SelEvents");
    }

    @Test
    void acpiOffsetsAreTheWireOffsets() {
        assertEquals(SelEvents.RESTART_POWER_UP, LifecycleSelEvents.RESTART_POWER_UP);
        assertEquals(SelEvents.RESTART_HARD_RESET, LifecycleSelEvents.RESTART_HARD_RESET);
        assertEquals(SelEvents.RESTART_WARM_RESET, LifecycleSelEvents.RESTART_WARM_RESET);
        assertEquals(SelEvents.RESTART_SYSTEM_RESTART, LifecycleSelEvents.RESTART_SYSTEM_RESTART);
        assertEquals(SelEvents.FW_ERROR, LifecycleSelEvents.FW_ERROR);
        assertEquals(SelEvents.FW_HANG, LifecycleSelEvents.FW_HANG);
        assertEquals(SelEvents.FW_PROGRESS, LifecycleSelEvents.FW_PROGRESS);
        assertEquals(SelEvents.OS_BOOT_COMPLETED, LifecycleSelEvents.OS_BOOT_COMPLETED);
        assertEquals(SelEvents.BOOT_ERROR_NO_MEDIA, LifecycleInput.BootErrorKind.NO_BOOTABLE_MEDIA.selOffset());
        assertEquals(
                SelEvents.BOOT_ERROR_PXE_SERVER_NOT_FOUND,
                LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND.selOffset());
        assertEquals(
                SelEvents.BOOT_ERROR_SELECTION_TIMEOUT,
                LifecycleInput.BootErrorKind.TIMEOUT_WAITING_FOR_SELECTION.selOffset());
    }

    @Test
    void aLifecycleEventEncodesToTheRecordTheFactoriesBuild() {
        assertEquals(
                SelEvents.acpiState(AcpiSystemState.S5_G2),
                SelEvents.lifecycle(LifecycleSelEvents.acpi(AcpiSystemState.S5_G2)));
        assertEquals(
                SelEvents.restart(SelEvents.RESTART_WARM_RESET),
                SelEvents.lifecycle(LifecycleSelEvents.restart(LifecycleSelEvents.RESTART_WARM_RESET)));
        assertEquals(SelEvents.systemRestart(0x00), SelEvents.lifecycle(LifecycleSelEvents.systemRestart(0x00)));
        assertEquals(SelEvents.firmwareProgress(0x01), SelEvents.lifecycle(LifecycleSelEvents.firmwareProgress(0x01)));
        assertEquals(
                SelEvents.firmwareHang(0x19),
                SelEvents.lifecycle(LifecycleSelEvents.firmwareProblem(LifecycleInput.FirmwareProblemKind.HANG, 0x19)));
        assertEquals(
                SelEvents.firmwareError(0x01),
                SelEvents.lifecycle(
                        LifecycleSelEvents.firmwareProblem(LifecycleInput.FirmwareProblemKind.ERROR, 0x01)));
        assertEquals(
                SelEvents.bootError(SelEvents.BOOT_ERROR_PXE_SERVER_NOT_FOUND),
                SelEvents.lifecycle(LifecycleSelEvents.bootError(
                        LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND, Optional.empty())));
        assertEquals(
                SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED),
                SelEvents.lifecycle(LifecycleSelEvents.osBootCompleted()));
    }

    @Test
    void theRecordsOnlyTheLifecycleWritesKeepTheirOemMarks() {
        // golden: 22h S5 inferred by the BMC: ED1 = 25h (offset 05h, ED3 OEM), ED3 = 01h
        SystemEvent inferred = SelEvents.lifecycle(LifecycleSelEvents.acpiInferred(AcpiSystemState.S5_G2));
        assertEquals(
                new SystemEvent(
                        SystemEvent.GENERATOR_BMC,
                        SystemEvent.EVM_REV_IPMI_2,
                        0x22,
                        SensorNumbers.ACPI_STATUS,
                        0x6F,
                        0x25,
                        0xFF,
                        0x01),
                inferred);
        // golden: C0h boot-order decision REAPPLY_AND_REBOOT after 2 of 3 attempts: ED1 = A1h (ED2, ED3 OEM)
        SystemEvent order = SelEvents.lifecycle(
                LifecycleSelEvents.bootOrder(LifecycleEvent.ReconcileDecision.REAPPLY_AND_REBOOT, 2, 3));
        assertEquals(
                new SystemEvent(
                        SystemEvent.GENERATOR_BMC,
                        SystemEvent.EVM_REV_IPMI_2,
                        0xC0,
                        SelEvents.SENSOR_NUMBER_BOOT_ORDER,
                        0x6F,
                        0xA1,
                        0x02,
                        0x03),
                order);
    }
}
