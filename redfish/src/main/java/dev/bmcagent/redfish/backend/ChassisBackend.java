package dev.bmcagent.redfish.backend;

import java.util.List;
import java.util.Optional;

/** Chassis, their sensors and fans. */
public interface ChassisBackend {

    List<String> chassisIds();

    Optional<ChassisView> chassis(String id);

    /** Manufacturer, Model, SerialNumber, PartNumber, SKU of a chassis; empty when unknown (properties omitted). */
    default Optional<AssetIdentity> identity(String id) {
        return Optional.empty();
    }
}
