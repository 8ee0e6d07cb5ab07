package dev.bmcagent.simulator.report;

import java.util.List;
import java.util.Objects;

/**
 * What a {@code bmc simulate} run was asked to do.
 *
 * @param scenario       cold-boot, reboot or firmware-upgrade
 * @param hosts          number of hosts
 * @param seed           fleet seed
 * @param profile        network boot firmware profile (vendor, edk2, ipxe)
 * @param declaredOrder  boot-interface patterns the agent declares; empty = the vendor order is left alone
 * @param gating         whether DIMM reads are gated during S2_D2
 * @param fanPolicy      whether unavailable sensors are kept out of fail-safe
 * @param upgrades       firmware upgrades chained by firmware-upgrade (1 = one BIOS, BMC, NIC cycle)
 * @param forcePriority  the hosts' firmware has the vendor "Force Priority" token: BootOrder writes are ignored
 */
public record SimulationSettings(
        String scenario,
        int hosts,
        long seed,
        String profile,
        List<String> declaredOrder,
        boolean gating,
        boolean fanPolicy,
        int upgrades,
        boolean forcePriority) {
    public SimulationSettings {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(profile, "profile");
        declaredOrder = List.copyOf(declaredOrder);
        if (hosts < 1) {
            throw new IllegalArgumentException("hosts < 1");
        }
        if (upgrades < 1) {
            throw new IllegalArgumentException("upgrades < 1");
        }
    }

    /** One upgrade, BootOrder writable. */
    public SimulationSettings(
            String scenario,
            int hosts,
            long seed,
            String profile,
            List<String> declaredOrder,
            boolean gating,
            boolean fanPolicy) {
        this(scenario, hosts, seed, profile, declaredOrder, gating, fanPolicy, 1, false);
    }

    public SimulationSettings withUpgrades(int v) {
        return new SimulationSettings(
                scenario, hosts, seed, profile, declaredOrder, gating, fanPolicy, v, forcePriority);
    }

    public SimulationSettings withForcePriority(boolean v) {
        return new SimulationSettings(scenario, hosts, seed, profile, declaredOrder, gating, fanPolicy, upgrades, v);
    }

    /** "vendor" or "declared". */
    public String bootOrder() {
        return declaredOrder.isEmpty() ? "vendor" : "declared";
    }
}
