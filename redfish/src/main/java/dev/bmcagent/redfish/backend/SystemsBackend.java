package dev.bmcagent.redfish.backend;

import java.util.List;
import java.util.Optional;

/** The hosts this BMC manages, as ComputerSystems. */
public interface SystemsBackend {

    /** Host ids in a stable order. */
    List<String> systemIds();

    Optional<SystemView> system(String id);

    /**
     * Applies a validated patch to a host; all fields or none.
     *
     * @return false when the host does not exist
     */
    boolean patch(String id, SystemPatch patch);

    /**
     * Queues a power action for a host (does not wait for it to complete).
     *
     * @return false when the host does not exist
     */
    boolean reset(String id, ResetType type);
}
