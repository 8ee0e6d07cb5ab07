package dev.bmcagent.acpi.progress;

/**
 * Redfish {@code ComputerSystem.BootProgress.LastState} values (BootProgressTypes, ComputerSystem v1_13+).
 * {@link #OEM} always comes with an OemLastState naming the code that caused it: nothing maps to a silent None.
 */
public enum BootProgressState {
    None,
    PrimaryProcessorInitializationStarted,
    BusInitializationStarted,
    MemoryInitializationStarted,
    SecondaryProcessorInitializationStarted,
    PCIResourceConfigStarted,
    SystemHardwareInitializationComplete,
    SetupEntered,
    OSBootStarted,
    OSRunning,
    OEM
}
