package dev.bmcagent.simulator.rollout;

import dev.bmcagent.core.host.Hosts;
import dev.bmcagent.rollout.campaign.HostFirmwareVersions;
import dev.bmcagent.simulator.firmware.FirmwareComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated hosts' firmware versions, fed directly by the simulation (the stand-in for the firmware inventory
 * of #16 item 1): every host starts on {@code initial} for BIOS, BMC and NIC; a component moves to its new version
 * when the host's OS runs after the reboot that applied the staged image.
 */
public final class SimFirmwareVersions implements HostFirmwareVersions {
    private final List<Map<FirmwareComponent, String>> versions;

    public SimFirmwareVersions(int hosts, String initial) {
        versions = new ArrayList<>(hosts);
        for (int h = 0; h < hosts; h++) {
            Map<FirmwareComponent, String> v = new EnumMap<>(FirmwareComponent.class);
            for (FirmwareComponent c : FirmwareComponent.values()) {
                v.put(c, initial);
            }
            versions.add(v);
        }
    }

    @Override
    public Map<String, String> versions(String hostId) {
        Map<String, String> out = new HashMap<>();
        versions.get(Hosts.index(hostId)).forEach((c, version) -> out.put(c.name(), version));
        return out;
    }

    public String version(int host, FirmwareComponent c) {
        return versions.get(host).get(c);
    }

    void set(int host, FirmwareComponent c, String version) {
        versions.get(host).put(c, version);
    }
}
