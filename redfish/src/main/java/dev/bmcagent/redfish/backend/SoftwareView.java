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
 * @param manufacturer who made it (Manufacturer), as the build or the host reported it; empty when unknown
 */
public record SoftwareView(
        String id, String name, String version, Optional<String> systemId, Optional<String> manufacturer) {
    /** Without a known manufacturer. */
    public SoftwareView(String id, String name, String version, Optional<String> systemId) {
        this(id, name, version, systemId, Optional.empty());
    }

    public SoftwareView {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(systemId, "systemId");
    }
}
