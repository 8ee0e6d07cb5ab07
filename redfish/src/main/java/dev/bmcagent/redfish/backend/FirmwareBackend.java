package dev.bmcagent.redfish.backend;

import java.util.List;

/** The firmware the service knows: the BMC's own build, and what each host reported (BIOS, NIC option ROMs). */
public interface FirmwareBackend {

    /** Every member, the BMC first; host members only once the host reported them. */
    List<SoftwareView> inventory();

    /** The BMC's version only (for services built without host firmware reports). */
    static FirmwareBackend bmcOnly(ManagerBackend manager) {
        return () -> List.of(new SoftwareView(
                "bmc", "BMC firmware", manager.manager().firmwareVersion(), java.util.Optional.empty()));
    }
}
