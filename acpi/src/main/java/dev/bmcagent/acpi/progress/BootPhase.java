package dev.bmcagent.acpi.progress;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rows of docs/PROTOCOL-REFERENCE.md "Boot progress: one timeline, four vocabularies", as code: for each
 * phase of a UEFI boot, the EFI status code value (Arm SBMR / UEFI PI: class | subclass | operation), the typical port-80 POST
 * code, the IPMI 0Fh offset 02h event data 2 (absent where the table has "—") and the Redfish LastState.
 *
 * <p>Forward translation lives in {@link ProgressTranslator}; this enum is the reverse direction too: what a host
 * (the simulator) sends to report a phase, in each vocabulary.
 */
public enum BootPhase {
    PEI_CORE_START(0x03021000, 0x10, 0x19, BootProgressState.PrimaryProcessorInitializationStarted),
    /** Memory init; the EFI range 0x00051000-0x00051005 and POST range 1Dh-21h all map here (first value sent). */
    MEMORY_INIT(0x00051000, 0x1D, 0x01, BootProgressState.MemoryInitializationStarted),
    SECONDARY_CPU_INIT(0x00011007, 0x35, 0x03, BootProgressState.SecondaryProcessorInitializationStarted),
    /** DXE / motherboard init: Redfish has no state for it, so OEM with OemLastState (OpenBMC drops it). */
    DXE_MOTHERBOARD_INIT(0x03041000, 0x60, 0x14, BootProgressState.OEM),
    BDS_START(0x03041001, 0x90, -1, BootProgressState.SystemHardwareInitializationComplete),
    PCI_ENUMERATION(0x02011000, 0x94, 0x07, BootProgressState.PCIResourceConfigStarted),
    SETUP_ENTERED(0x03050007, 0xAB, 0x05, BootProgressState.SetupEntered),
    READY_TO_BOOT(0x03051001, 0xAD, 0x13, BootProgressState.OSBootStarted),
    /** ExitBootServices: no 0Fh code; the SEL gets 1Fh (OS Boot) offset 06h "boot completed" instead. */
    EXIT_BOOT_SERVICES(0x03101019, 0xAF, -1, BootProgressState.OSRunning);

    /** Last EFI value of the memory-init range (SPD read ... memory init operations). */
    public static final int EFI_MEMORY_INIT_LAST = 0x00051005;
    /** Last POST code of the memory-init range. */
    public static final int POST_MEMORY_INIT_LAST = 0x21;

    private final int efiValue;
    private final int postCode;
    private final int ipmiEventData2;
    private final BootProgressState redfishState;

    BootPhase(int efiValue, int postCode, int ipmiEventData2, BootProgressState redfishState) {
        this.efiValue = efiValue;
        this.postCode = postCode;
        this.ipmiEventData2 = ipmiEventData2;
        this.redfishState = redfishState;
    }

    /** The EFI status code value (class | subclass | operation) for this phase. */
    public int efiValue() {
        return efiValue;
    }

    /** The status code a host sends for this phase: a progress code, instance 0. */
    public ProgressCode.EfiStatusCode efiStatusCode() {
        return new ProgressCode.EfiStatusCode(EfiCodeType.PROGRESS, efiValue, 0);
    }

    /** The typical port-80 POST code. */
    public int postCode() {
        return postCode;
    }

    /** IPMI System Firmware Progress event data 2, empty where the table has none. */
    public OptionalInt ipmiEventData2() {
        return ipmiEventData2 < 0 ? OptionalInt.empty() : OptionalInt.of(ipmiEventData2);
    }

    /** The IPMI progress report for this phase, empty where the table has none. */
    public Optional<ProgressCode.IpmiFirmwareProgress> ipmiProgress() {
        return ipmiEventData2 < 0
                ? Optional.empty()
                : Optional.of(new ProgressCode.IpmiFirmwareProgress(ipmiEventData2));
    }

    public ProgressCode.PostCode postProgress() {
        return new ProgressCode.PostCode(postCode);
    }

    /** The Redfish LastState this phase translates to (OEM for DXE). */
    public BootProgressState redfishState() {
        return redfishState;
    }
}
