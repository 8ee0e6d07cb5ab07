package dev.bmcagent.mqtt.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The interpretation table: (power, ACPI system state, BootProgress) -> phase. */
class HostPhaseTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest(name = "power={0} {1} {2} -> {3}")
    @CsvSource({
        "false, S0_G0_D0, OSRunning,                          Off",
        "true,  S5_G2,    None,                               FirmwareInit",
        "true,  S2_D2,    None,                               FirmwareInit",
        "true,  S2_D2,    PrimaryProcessorInitializationStarted, PlatformInit",
        "true,  S2_D2,    MemoryInitializationStarted,        MemoryInit",
        "true,  S2_D2,    PCIResourceConfigStarted,           PlatformInit",
        "true,  S2_D2,    SetupEntered,                       PlatformInit",
        "true,  S2_D2,    OSBootStarted,                      OSBoot",
        "true,  S0_G0_D0, OSRunning,                          OS",
        "true,  S0_G0_D0, None,                               OS",
        "true,  S3_D3,    None,                               Sleeping",
        "true,  Unknown,  None,                               FirmwareInit",
    })
    void interprets(boolean power, String system, BootProgressState progress, HostPhase expected) {
        AcpiSystemState sys = "Unknown".equals(system) ? AcpiSystemState.UNKNOWN : AcpiSystemState.valueOf(system);
        HostState i = HostState.initial(T);
        HostState s = new HostState(
                true,
                power,
                sys,
                AcpiDeviceState.D0,
                false,
                T,
                new BootProgress(progress, Optional.empty(), T, Optional.empty()),
                Optional.empty(),
                0,
                i.closedGates(),
                i.fanMode(),
                i.failedSensors(),
                i.alerts(),
                i.reconcile(),
                i.memory(),
                i.stalledFans(),
                i.reported());
        assertEquals(expected, HostPhase.of(s));
        assertEquals(
                expected == HostPhase.FirmwareInit
                        || expected == HostPhase.MemoryInit
                        || expected == HostPhase.PlatformInit
                        || expected == HostPhase.OSBoot,
                expected.preOs());
    }
}
