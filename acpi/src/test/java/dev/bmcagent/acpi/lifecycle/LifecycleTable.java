package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.progress.BootPhase;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Duration;
import java.util.Optional;

/** Named starting states and inputs for the state × input table. */
final class LifecycleTable {

    private LifecycleTable() {}

    /** A host driven into a named state, the clock one minute later. */
    static Host start(String name) {
        Host h = new Host();
        switch (name) {
            case "OFF" -> {}
            case "ON_S5" -> h.powerOn();
            case "S2_MEM" -> h.powerOn().acpi(AcpiSystemState.S2_D2).efi(BootPhase.MEMORY_INIT);
            case "NET_BOOT" ->
                h.powerOn()
                        .acpi(AcpiSystemState.S2_D2)
                        .efi(BootPhase.READY_TO_BOOT)
                        .after(Duration.ofSeconds(100))
                        .feed(input("BOOT_ERR"));
            case "OS_RUNNING" ->
                h.powerOn()
                        .acpi(AcpiSystemState.S2_D2)
                        .acpi(AcpiSystemState.S0_G0_D0)
                        .feed(new LifecycleInput.OsBootComplete());
            case "S0_FAILSAFE" ->
                h.powerOn()
                        .acpi(AcpiSystemState.S0_G0_D0)
                        .feed(new LifecycleInput.OsBootComplete())
                        .feed(new LifecycleInput.SensorHealth("CPU0_TEMP", true, "PECI timeout"));
            default -> throw new IllegalArgumentException(name);
        }
        return h.after(Duration.ofMinutes(1));
    }

    static LifecycleInput input(String name) {
        return switch (name) {
            case "PG_ON" -> new LifecycleInput.PowerGood(true);
            case "PG_OFF" -> new LifecycleInput.PowerGood(false);
            case "RESET_WARM" -> new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM);
            case "RESET_HARD" -> new LifecycleInput.HostReset(LifecycleInput.ResetKind.HARD);
            case "CONNECT" -> new LifecycleInput.HostConnected();
            case "DISCONNECT" -> new LifecycleInput.HostDisconnected();
            case "ACPI_S2" -> acpi(AcpiSystemState.S2_D2);
            case "ACPI_S0" -> acpi(AcpiSystemState.S0_G0_D0);
            case "ACPI_S5" -> acpi(AcpiSystemState.S5_G2);
            case "EFI_PEI" -> new LifecycleInput.Progress(BootPhase.PEI_CORE_START.efiStatusCode());
            case "EFI_PCI" -> new LifecycleInput.Progress(BootPhase.PCI_ENUMERATION.efiStatusCode());
            case "EFI_ERR" -> new LifecycleInput.Progress(new ProgressCode.EfiStatusCode(0x80000002, 0x00051009, 0));
            case "POST_42" -> new LifecycleInput.Progress(new ProgressCode.PostCode(0x42));
            case "EXIT_BS" -> new LifecycleInput.Progress(BootPhase.EXIT_BOOT_SERVICES.efiStatusCode());
            case "FW_HANG" -> new LifecycleInput.FirmwareProblem(LifecycleInput.FirmwareProblemKind.HANG, 0x01);
            case "BOOT_ERR" ->
                new LifecycleInput.BootError(LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND, "UEFI: PXE IPv4 P1");
            case "OS_DONE" -> new LifecycleInput.OsBootComplete();
            case "CMD_OFF" -> new LifecycleInput.PowerCommand(LifecycleInput.PowerAction.FORCE_OFF);
            case "TICK" -> new LifecycleInput.Tick();
            case "SENSOR_FAIL" -> new LifecycleInput.SensorHealth("CPU0_TEMP", true, "PECI timeout");
            case "SENSOR_OK" -> new LifecycleInput.SensorHealth("CPU0_TEMP", false, "reads again");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static LifecycleInput acpi(AcpiSystemState s) {
        return new LifecycleInput.AcpiReported(Optional.of(s), Optional.empty());
    }

    /** power | system | inferred | closed gates | fan | progress | cycle | effects */
    static String row(HostState s, String effects) {
        return String.join(
                " | ",
                s.powerOn() ? "on" : "off",
                s.system().name(),
                s.acpiInferred() ? "inferred" : "reported",
                String.valueOf(s.closedGates().size()),
                s.fanMode().name(),
                s.progress().lastState().name(),
                s.cycle().map(c -> "cycle " + c.number()).orElse("-"),
                effects.isEmpty() ? "-" : effects);
    }
}
