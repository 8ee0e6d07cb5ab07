package dev.bmcagent.openbmc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The D-Bus → lifecycle translations, one row per enumeration value (spellings from the PDI YAML). */
class PhosphorInputsTest {
    private static final String ACPI = "xyz.openbmc_project.Control.Power.ACPIPowerState.ACPI.";

    @ParameterizedTest
    @CsvSource({
        "S0_G0_D0, S0_G0_D0, D0", "S1_D1, S1_D1, D1", "S2_D2, S2_D2, D2", "S3_D3, S3_D3, D3", "S4, S4, ",
        "S5_G2, S5_G2, ", "S4_S5, S4_S5, ", "G3, G3, ", "SLEEP, SLEEP, ", "G1_SLEEP, G1_SLEEP, ",
        "OVERRIDE, OVERRIDE, ", "LEGACY_ON, LEGACY_ON, ", "LEGACY_OFF, LEGACY_OFF, ", "Unknown, UNKNOWN, UNKNOWN",
    })
    void everyAcpiEnumerationValueOfTheYamlMaps(String dbus, AcpiSystemState system, AcpiDeviceState device) {
        assertEquals(Optional.of(system), PhosphorInputs.system(ACPI + dbus));
        assertEquals(Optional.ofNullable(device), PhosphorInputs.device(ACPI + dbus));
    }

    @Test
    void otherEnumerationsAndGarbageAreNotAcpiStates() {
        assertEquals(Optional.empty(), PhosphorInputs.system("S2_D2"));
        assertEquals(Optional.empty(), PhosphorInputs.system("xyz.openbmc_project.State.Host.HostState.S2_D2"));
        assertEquals(Optional.empty(), PhosphorInputs.system(ACPI + "S9"));
        assertEquals(Optional.empty(), PhosphorInputs.system(ACPI + "S2_D2.x"));
        assertEquals(Optional.empty(), PhosphorInputs.system(null));
    }

    @ParameterizedTest
    @CsvSource({
        "PrimaryProcInit, 25",
        "MemoryInit, 1",
        "SecondaryProcInit, 3",
        "PCIInit, 7",
        "SystemSetup, 5",
        "OSStart, 19",
        "MotherboardInit, 20",
    })
    void progressStagesBecomeIpmiFirmwareProgress(String stage, int eventData2) {
        assertEquals(
                Optional.of(new LifecycleInput.Progress(new ProgressCode.IpmiFirmwareProgress(eventData2))),
                PhosphorInputs.progress("xyz.openbmc_project.State.Boot.Progress.ProgressStages." + stage));
    }

    @Test
    void osRunningCompletesTheBootAndStagesWithoutAnIpmiCodeAreIgnored() {
        String p = "xyz.openbmc_project.State.Boot.Progress.ProgressStages.";
        assertEquals(Optional.of(new LifecycleInput.OsBootComplete()), PhosphorInputs.progress(p + "OSRunning"));
        for (String s : List.of("Unspecified", "BusInit", "SystemInitComplete", "OEM")) {
            assertEquals(Optional.empty(), PhosphorInputs.progress(p + s), s);
        }
    }

    @Test
    void chassisPowerStateIsPowerGoodAndTransitionsWait() {
        String p = "xyz.openbmc_project.State.Chassis.PowerState.";
        assertEquals(Optional.of(true), PhosphorInputs.powerGood(p + "On"));
        assertEquals(Optional.of(false), PhosphorInputs.powerGood(p + "Off"));
        assertEquals(Optional.empty(), PhosphorInputs.powerGood(p + "TransitioningToOff"));
        assertEquals(Optional.empty(), PhosphorInputs.powerGood(p + "TransitioningToOn"));
    }

    @Test
    void rawPrimaryBytesArePortOrderLittleEndianUpToSixteenBits() {
        assertEquals(
                Optional.of(new LifecycleInput.Progress(new ProgressCode.PostCode(0x92))),
                PhosphorInputs.postCode(List.of((byte) 0x92)));
        assertEquals(
                Optional.of(new LifecycleInput.Progress(new ProgressCode.PostCode(0xA512))),
                PhosphorInputs.postCode(List.of((byte) 0x12, (byte) 0xA5)));
        assertEquals(Optional.empty(), PhosphorInputs.postCode(List.of()));
        assertEquals(Optional.empty(), PhosphorInputs.postCode(List.of((byte) 1, (byte) 2, (byte) 3)));
    }

    @Test
    void powerActionsMapToTheYamlTransitions() {
        assertEquals(
                "xyz.openbmc_project.State.Host.Transition.On",
                DbusHostPower.request(PowerAction.ON, 0).value());
        assertEquals(
                "xyz.openbmc_project.State.Host.Transition.Off",
                DbusHostPower.request(PowerAction.GRACEFUL_SHUTDOWN, 0).value());
        assertEquals(
                "xyz.openbmc_project.State.Host.Transition.ForceWarmReboot",
                DbusHostPower.request(PowerAction.HARD_RESET, 0).value());
        assertEquals(
                "xyz.openbmc_project.State.Host.Transition.GracefulWarmReboot",
                DbusHostPower.request(PowerAction.WARM_RESET, 0).value());
        assertEquals(
                "xyz.openbmc_project.State.Chassis.Transition.Off",
                DbusHostPower.request(PowerAction.FORCE_OFF, 0).value());
        assertEquals(
                "RequestedPowerTransition",
                DbusHostPower.request(PowerAction.POWER_CYCLE, 0).property());
        assertEquals(0L, PidZoneFans.pwm(0));
        assertEquals(153L, PidZoneFans.pwm(60));
        assertEquals(255L, PidZoneFans.pwm(100));
    }
}
