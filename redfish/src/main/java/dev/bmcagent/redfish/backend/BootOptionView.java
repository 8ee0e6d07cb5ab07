package dev.bmcagent.redfish.backend;

import java.util.Objects;

/**
 * A boot option as the host reports it (EDK2 Boot####).
 *
 * @param reference      BootOptionReference, e.g. "Boot0003" (also the resource Id)
 * @param displayName    e.g. "UEFI: HTTPS IPv4 Network Adapter - 50:00:E6:8F:4F:32 P1"
 * @param uefiDevicePath the UEFI device path text
 * @param enabled        BootOptionEnabled
 */
public record BootOptionView(String reference, String displayName, String uefiDevicePath, boolean enabled) {
    public BootOptionView {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(uefiDevicePath, "uefiDevicePath");
        if (!reference.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("boot option reference must be a URI-safe id: " + reference);
        }
    }
}
