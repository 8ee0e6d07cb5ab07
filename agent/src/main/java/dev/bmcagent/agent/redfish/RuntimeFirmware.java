package dev.bmcagent.agent.redfish;

import dev.bmcagent.agent.runtime.HostNode;
import dev.bmcagent.redfish.backend.FirmwareBackend;
import dev.bmcagent.redfish.backend.SoftwareView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** FirmwareInventory from the build (the BMC) and from each host's System Info reports (BIOS, NIC option ROMs). */
final class RuntimeFirmware implements FirmwareBackend {
    private final String bmcVersion;
    private final List<HostNode> nodes;

    RuntimeFirmware(String bmcVersion, List<HostNode> nodes) {
        this.bmcVersion = Objects.requireNonNull(bmcVersion, "bmcVersion");
        this.nodes = List.copyOf(nodes);
    }

    @Override
    public List<SoftwareView> inventory() {
        List<SoftwareView> out = new ArrayList<>();
        out.add(new SoftwareView("bmc", "BMC firmware (bmc-agent)", bmcVersion, Optional.empty()));
        for (HostNode n : nodes) {
            n.firmware().firmwareVersions().forEach((component, version) -> out.add(new SoftwareView(
                    n.hostId() + "-" + component, n.hostId() + " " + (component.equals("BIOS") ? "BIOS"
                    : component + " option ROM"), version, Optional.of(n.hostId()))));
        }
        return out;
    }
}
