package dev.bmcagent.rollout.campaign;

import java.util.Map;

/**
 * The firmware versions a host reports (component → version: BIOS, BMC, NIC). The small interface the campaign
 * needs from the firmware inventory (#16 item 1, built separately): the simulator feeds it directly from its
 * simulated hosts; the daemon adapts its inventory to it.
 */
@FunctionalInterface
public interface HostFirmwareVersions {
    Map<String, String> versions(String hostId);

    /** Whether every target component is at its target version on {@code hostId}. */
    default boolean onTargets(String hostId, Map<String, String> targets) {
        Map<String, String> v = versions(hostId);
        for (Map.Entry<String, String> t : targets.entrySet()) {
            if (!t.getValue().equals(v.get(t.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
