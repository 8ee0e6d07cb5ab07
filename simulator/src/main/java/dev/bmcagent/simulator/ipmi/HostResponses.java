package dev.bmcagent.simulator.ipmi;

import dev.bmcagent.ipmi.command.oem.PendingOrderChunk;
import dev.bmcagent.ipmi.message.IpmiException;
import dev.bmcagent.ipmi.message.IpmiResponse;
import java.util.Optional;

/** Pure decoders for the responses the host reads. Malformed or failed responses decode to "nothing". */
public final class HostResponses {

    /** Boot device selector of Get System Boot Options param 5, data 2 bits 5:2 (IPMI 2.0 table 28-14). */
    public enum BootDevice {
        /** 0001b: force PXE (network). */
        NETWORK,
        /** 0010b: force boot from default hard drive. */
        DISK
    }

    private HostResponses() {}

    /**
     * Decodes a Get System Boot Options (param 5) response: param version, parameter valid/selector, then five
     * boot-flag bytes. Returns the forced device only when the parameter is valid (bit 7 of byte 2 clear), the
     * boot flags are valid (bit 7 of data 1) and the selector is one the firmware implements (PXE, disk; others
     * such as "force BIOS setup" are not modelled and ignored).
     */
    public static Optional<BootDevice> bootFlagsDevice(IpmiResponse response) {
        byte[] d = response.data();
        if (!response.completionCode().isOk() || d.length < 7 || (d[1] & 0x80) != 0 || (d[1] & 0x7F) != 0x05) {
            return Optional.empty();
        }
        if ((d[2] & 0x80) == 0) {
            return Optional.empty();
        }
        int selector = (d[3] >>> 2) & 0x0F;
        return switch (selector) {
            case 0x1 -> Optional.of(BootDevice.NETWORK);
            case 0x2 -> Optional.of(BootDevice.DISK);
            default -> Optional.empty();
        };
    }

    /** Whether a Get System Boot Options (param 5) response asks for an EFI boot (data 1 bit 5). */
    public static boolean bootFlagsEfi(IpmiResponse response) {
        byte[] d = response.data();
        return response.completionCode().isOk() && d.length >= 7 && (d[1] & 0x7F) == 0x05 && (d[2] & 0x20) != 0;
    }

    /**
     * Decodes a Get System Boot Options (param 7, boot initiator mailbox) response: param version, parameter, block
     * selector, 16 bytes. Returns the 16 bytes of {@code block}; empty when failed, malformed or another block.
     */
    public static Optional<byte[]> mailboxBlock(IpmiResponse response, int block) {
        byte[] d = response.data();
        if (!response.completionCode().isOk()
                || d.length != 3 + 16
                || (d[1] & 0x7F) != 0x07
                || (d[2] & 0xFF) != block) {
            return Optional.empty();
        }
        return Optional.of(java.util.Arrays.copyOfRange(d, 3, d.length));
    }

    /** Decodes one Get Pending Boot Order response (a chunk); empty when failed or malformed. */
    public static Optional<PendingOrderChunk> pendingOrderChunk(IpmiResponse response) {
        if (!response.completionCode().isOk()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PendingOrderChunk.decode(response.data()));
        } catch (IpmiException e) {
            return Optional.empty();
        }
    }
}
