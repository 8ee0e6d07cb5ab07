package dev.bmcagent.redfish.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * One member of FirmwareInventory (a SoftwareInventory resource).
 *
 * @param id         member id, e.g. "bmc", "host0-BIOS", "host0-NIC1"
 * @param name       Name
 * @param version    Version as reported
 * @param systemId   the ComputerSystem it belongs to (RelatedItem); empty for the BMC itself
 */
public record SoftwareView(String id, String name, String version, Optional<String> systemId) {
    public SoftwareView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(systemId, "systemId");
    }
}
