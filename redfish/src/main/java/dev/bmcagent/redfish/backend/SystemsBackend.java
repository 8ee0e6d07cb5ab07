package dev.bmcagent.redfish.backend;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The hosts this BMC manages, as ComputerSystems. */
public interface SystemsBackend {

    /** Host ids in a stable order. */
    List<String> systemIds();

    Optional<SystemView> system(String id);

    /** Manufacturer, Model, SerialNumber, PartNumber, SKU of a host; empty when unknown (properties then omitted). */
    default Optional<AssetIdentity> identity(String id) {
        return Optional.empty();
    }

    /**
     * The BootSourceOverrideTarget values this backend can carry out (AllowableValues; a PATCH with another is
     * refused with PropertyValueNotInList). All by default.
     */
    default Set<BootSource> bootSources() {
        return EnumSet.allOf(BootSource.class);
    }

    /** The DIMM slots the host reported (Memory collection); none by default or before a report with slots. */
    default List<DimmView> memory(String id) {
        return List.of();
    }

    /**
     * Applies a validated patch to a host; all fields or none.
     *
     * @return false when the host does not exist
     */
    boolean patch(String id, SystemPatch patch);

    /**
     * The ResetType values that can work on this host now (ResetActionInfo AllowableValues; a Reset with another is
     * refused: ActionNotSupported when none can, else ActionParameterValueNotInList). All by default.
     */
    default Set<ResetType> resetTypes(String id) {
        return EnumSet.allOf(ResetType.class);
    }

    /**
     * Queues a power action for a host (does not wait for it to complete).
     *
     * @return false when the host does not exist
     */
    boolean reset(String id, ResetType type);
}
