package dev.bmcagent.simulator.rollout;

import dev.bmcagent.agent.host.Hosts;
import dev.bmcagent.rollout.campaign.HostFirmwareVersions;
import dev.bmcagent.simulator.firmware.FirmwareComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated hosts' firmware versions, fed directly by the simulation (the stand-in for the firmware inventory
 * of #16 item 1): every host starts on {@code initial} for BIOS, BMC and NIC; a component moves to its new version
 * when the host's OS runs after the reboot that applied the staged image.
 */
public final class SimFirmwareVersions implements HostFirmwareVersions {
    private final String[][] versions;

    public SimFirmwareVersions(int hosts, String initial) {
        versions = new String[hosts][FirmwareComponent.values().length];
        for (String[] v : versions) {
            java.util.Arrays.fill(v, initial);
        }
    }

    @Override
    public Map<String, String> versions(String hostId) {
        String[] v = versions[Hosts.index(hostId)];
        Map<String, String> out = new HashMap<>();
        for (FirmwareComponent c : FirmwareComponent.values()) {
            out.put(c.name(), v[c.ordinal()]);
        }
        return out;
    }

    public String version(int host, FirmwareComponent c) {
        return versions[host][c.ordinal()];
    }

    void set(int host, FirmwareComponent c, String version) {
        versions[host][c.ordinal()] = version;
    }
}
