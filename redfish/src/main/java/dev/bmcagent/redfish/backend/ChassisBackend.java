package dev.bmcagent.redfish.backend;

import java.util.List;
import java.util.Optional;

/** Chassis, their sensors and fans. */
public interface ChassisBackend {

    List<String> chassisIds();

    Optional<ChassisView> chassis(String id);
}
