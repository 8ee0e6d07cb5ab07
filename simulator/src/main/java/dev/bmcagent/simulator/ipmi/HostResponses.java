package dev.bmcagent.simulator.ipmi;

import dev.bmcagent.ipmi.message.IpmiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    private HostResponses() {
    }

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
        switch (selector) {
            case 0x1:
                return Optional.of(BootDevice.NETWORK);
            case 0x2:
                return Optional.of(BootDevice.DISK);
            default:
                return Optional.empty();
        }
    }

    /** Decodes a Get Pending Boot Order response: count, then length-prefixed ASCII patterns. Empty: none pending. */
    public static List<String> pendingBootOrder(IpmiResponse response) {
        if (!response.completionCode().isOk()) {
            return List.of();
        }
        return decodeLengthPrefixed(response.data()).orElse(List.of());
    }

    /** Inverse of the count + length-prefixed encoding; empty when malformed. */
    public static Optional<List<String>> decodeLengthPrefixed(byte[] d) {
        if (d.length == 0) {
            return Optional.empty();
        }
        int count = d[0] & 0xFF;
        List<String> out = new ArrayList<>(count);
        int at = 1;
        for (int i = 0; i < count; i++) {
            if (at >= d.length) {
                return Optional.empty();
            }
            int len = d[at++] & 0xFF;
            if (at + len > d.length) {
                return Optional.empty();
            }
            out.add(new String(d, at, len, StandardCharsets.US_ASCII));
            at += len;
        }
        return at == d.length ? Optional.of(List.copyOf(out)) : Optional.empty();
    }
}
