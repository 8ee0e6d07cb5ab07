package dev.bmcagent.agent.redfishport;

import dev.bmcagent.core.node.HostView;
import dev.bmcagent.redfish.backend.FirmwareBackend;
import dev.bmcagent.redfish.backend.SoftwareView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * FirmwareInventory from the build (the BMC: version and, from the build's organization, manufacturer) and from each
 * host's System Info reports (BIOS and NIC option-ROM versions, and their manufacturers when the host reports them).
 */
final class RuntimeFirmware implements FirmwareBackend {
    private final String bmcVersion;
    private final Optional<String> bmcVendor;
    private final List<HostView> nodes;

    /**
     * @param bmcVendor who built this BMC firmware (the build's organization); empty when the build does not say
     */
    RuntimeFirmware(String bmcVersion, Optional<String> bmcVendor, List<? extends HostView> nodes) {
        this.bmcVersion = Objects.requireNonNull(bmcVersion, "bmcVersion");
        this.bmcVendor = Objects.requireNonNull(bmcVendor, "bmcVendor");
        this.nodes = List.copyOf(nodes);
    }

    @Override
    public List<SoftwareView> inventory() {
        List<SoftwareView> out = new ArrayList<>();
        out.add(new SoftwareView("bmc", "BMC firmware (bmc-agent)", bmcVersion, Optional.empty(), bmcVendor));
        for (HostView n : nodes) {
            Map<String, String> vendors = n.firmware().firmwareVendors();
            n.firmware()
                    .firmwareVersions()
                    .forEach((component, version) -> out.add(new SoftwareView(
                            n.hostId() + "-" + component,
                            n.hostId() + " " + (component.equals("BIOS") ? "BIOS" : component + " option ROM"),
                            version,
                            Optional.of(n.hostId()),
                            Optional.ofNullable(vendors.get(component)))));
        }
        return out;
    }
}
