package dev.bmcagent.mqtt.telemetry;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.state.AcpiSystemState;

/**
 * Where a host is in its boot, interpreted from power, ACPI state and BootProgress. Published next to (never
 * instead of) the raw ACPI values.
 */
public enum HostPhase {
    /** No power-good. */
    Off,
    /** Powered, firmware running (S2_D2 or not yet reported), before memory init. */
    FirmwareInit,
    /** Firmware training / initialising memory. */
    MemoryInit,
    /** Firmware initialising processors, buses, PCI, or in setup. */
    PlatformInit,
    /** Firmware handed over to a boot loader (ReadyToBoot, ExitBootServices), no network boot failed yet. */
    OSBoot,
    /** Network boot in progress: ReadyToBoot reached and at least one interface failed in this boot. */
    NetworkBoot,
    /** The OS is running. */
    OS,
    /** A sleep state (S1-S4). */
    Sleeping;

    /** True for the phases in which a host can be stuck before the OS. */
    public boolean preOs() {
        return this == FirmwareInit
                || this == MemoryInit
                || this == PlatformInit
                || this == OSBoot
                || this == NetworkBoot;
    }

    /** The interpretation: a pure function of the lifecycle state. */
    public static HostPhase of(HostState s) {
        if (!s.powerOn()) {
            return Off;
        }
        switch (s.progress().lastState()) {
            case OSRunning:
                return OS;
            case OSBootStarted:
                return s.cycle()
                                .filter(c -> c.running() && !c.attempts().isEmpty())
                                .isPresent()
                        ? NetworkBoot
                        : OSBoot;
            case MemoryInitializationStarted:
                return MemoryInit;
            case PrimaryProcessorInitializationStarted:
            case BusInitializationStarted:
            case SecondaryProcessorInitializationStarted:
            case PCIResourceConfigStarted:
            case SystemHardwareInitializationComplete:
            case SetupEntered:
            case OEM:
                return PlatformInit;
            case None:
            default:
                break;
        }
        AcpiSystemState sys = s.system();
        return switch (sys) {
            case S0_G0_D0, LEGACY_ON -> OS;
            case S1_D1, S3_D3, S4, SLEEP, G1_SLEEP -> Sleeping;
            default -> FirmwareInit;
        };
    }
}
