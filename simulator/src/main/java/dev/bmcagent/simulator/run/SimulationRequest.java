package dev.bmcagent.simulator.run;

import dev.bmcagent.simulator.bmc.AgentBmcOptions;
import dev.bmcagent.simulator.report.SimulationSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code bmc simulate} run: what to simulate, how the agents behave, the hosts' hardware and faults.
 *
 * @param settings          scenario, hosts, seed, profile, declared order, gating, fan policy
 * @param bmc               the agents' options (built from the settings by {@link #of})
 * @param nics              single-port NICs per host (vendor order tries every HTTPS IPv4 option first)
 * @param bootOrderWriteLost every host acknowledges boot-order writes that never reach NVRAM
 * @param brokenSensor      a sensor broken on every host (fails in S0 too), if any
 */
public record SimulationRequest(SimulationSettings settings, AgentBmcOptions bmc, int nics, boolean bootOrderWriteLost,
                                Optional<String> brokenSensor) {
    public SimulationRequest {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(bmc, "bmc");
        Objects.requireNonNull(brokenSensor, "brokenSensor");
        if (nics < 1 || nics > 8) {
            throw new IllegalArgumentException("nics must be 1-8: " + nics);
        }
    }

    /** A request whose agent options follow the settings (default policy, 1 s sensor poll). */
    public static SimulationRequest of(SimulationSettings s, int nics) {
        AgentBmcOptions bmc = AgentBmcOptions.defaults().withGating(s.gating()).withFanPolicy(s.fanPolicy())
                .withDeclaredOrder(s.declaredOrder());
        return new SimulationRequest(s, bmc, nics, false, Optional.empty());
    }

    public SimulationRequest withBootOrderWriteLost(boolean v) {
        return new SimulationRequest(settings, bmc, nics, v, brokenSensor);
    }

    public SimulationRequest withBrokenSensor(Optional<String> v) {
        return new SimulationRequest(settings, bmc, nics, bootOrderWriteLost, v);
    }

    public SimulationRequest withBmc(AgentBmcOptions v) {
        return new SimulationRequest(settings, v, nics, bootOrderWriteLost, brokenSensor);
    }
}
