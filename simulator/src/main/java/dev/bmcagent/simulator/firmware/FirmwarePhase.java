package dev.bmcagent.simulator.firmware;

import java.util.OptionalInt;

/**
 * The UEFI boot phases the simulated firmware walks through, each with its code in the three progress
 * vocabularies (docs/PROTOCOL-REFERENCE.md "Boot progress: one timeline, four vocabularies").
 */
public enum FirmwarePhase {
    /** PEI core started on the boot strap processor. */
    PRIMARY_CPU(0x03021000, 0x10, 0x19),
    /** Memory init: SPD reads, then training. */
    MEMORY_INIT(0x00051000, 0x1D, 0x01),
    /** Application processors started. */
    SECONDARY_CPU(0x00011007, 0x35, 0x03),
    /** DXE: motherboard init. */
    DXE(0x03041000, 0x60, 0x14),
    /** BDS entered: boot options read, boot order reported. */
    BDS(0x03041001, 0x90, -1),
    /** PCI enumeration and resource allocation. */
    PCI(0x02011000, 0x94, 0x07),
    /** Firmware setup entered (skipped in a normal boot). */
    SETUP(0x03050007, 0xAB, 0x05),
    /** ReadyToBoot signalled: boot options are being tried. */
    READY_TO_BOOT(0x03051001, 0xAD, 0x13),
    /** ExitBootServices: the OS loader takes over. */
    EXIT_BOOT_SERVICES(0x03101019, 0xAF, -1);

    private final int efiCodeValue;
    private final int postCode;
    private final int ipmiProgressCode;

    FirmwarePhase(int efiCodeValue, int postCode, int ipmiProgressCode) {
        this.efiCodeValue = efiCodeValue;
        this.postCode = postCode;
        this.ipmiProgressCode = ipmiProgressCode;
    }

    /** EFI status code value (class | subclass | operation), sent with code type EFI_PROGRESS_CODE. */
    public int efiCodeValue() {
        return efiCodeValue;
    }

    /** Typical port-80 POST code. */
    public int postCode() {
        return postCode;
    }

    /** IPMI System Firmware Progress (0Fh offset 02h) event data 2, if the IPMI table has one for this phase. */
    public OptionalInt ipmiProgressCode() {
        return ipmiProgressCode < 0 ? OptionalInt.empty() : OptionalInt.of(ipmiProgressCode);
    }
}
