package dev.bmcagent.simulator.run;

import dev.bmcagent.simulator.bmc.AgentBmcOptions;
import dev.bmcagent.simulator.firmware.BiosUpdateEffect;
import dev.bmcagent.simulator.host.FaultFlag;
import dev.bmcagent.simulator.report.SimulationSettings;
import java.util.List;
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
 * @param biosUpdate        what a BIOS update does to BootOrder (EDK2 refresh by default)
 * @param faults            {@code --fault} flags, applied to their hosts before the scenario starts
 * @param sampleHost        the host whose timeline report.html draws ({@code --report-host})
 */
public record SimulationRequest(
        SimulationSettings settings,
        AgentBmcOptions bmc,
        int nics,
        boolean bootOrderWriteLost,
        Optional<String> brokenSensor,
        BiosUpdateEffect biosUpdate,
        List<FaultFlag> faults,
        int sampleHost) {
    public SimulationRequest {
        if (sampleHost < 0 || sampleHost >= settings.hosts()) {
            throw new IllegalArgumentException("report host must be 0.." + (settings.hosts() - 1) + ": " + sampleHost);
        }
        faults = List.copyOf(faults);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(bmc, "bmc");
        Objects.requireNonNull(brokenSensor, "brokenSensor");
        Objects.requireNonNull(biosUpdate, "biosUpdate");
        if (nics < 1 || nics > 8) {
            throw new IllegalArgumentException("nics must be 1-8: " + nics);
        }
    }

    /** A request whose agent options follow the settings (default policy, 5 s sensor poll, 15 s tick). */
    public static SimulationRequest of(SimulationSettings s, int nics) {
        AgentBmcOptions bmc = AgentBmcOptions.defaults()
                .withGating(s.gating())
                .withFanPolicy(s.fanPolicy())
                .withDeclaredOrder(s.declaredOrder());
        return new SimulationRequest(
                s, bmc, nics, false, Optional.empty(), BiosUpdateEffect.REFRESH_APPENDS_NETWORK, List.of(), 0);
    }

    public SimulationRequest withBootOrderWriteLost(boolean v) {
        return new SimulationRequest(settings, bmc, nics, v, brokenSensor, biosUpdate, faults, sampleHost);
    }

    public SimulationRequest withBrokenSensor(Optional<String> v) {
        return new SimulationRequest(settings, bmc, nics, bootOrderWriteLost, v, biosUpdate, faults, sampleHost);
    }

    public SimulationRequest withBmc(AgentBmcOptions v) {
        return new SimulationRequest(
                settings, v, nics, bootOrderWriteLost, brokenSensor, biosUpdate, faults, sampleHost);
    }

    public SimulationRequest withFaults(List<FaultFlag> v) {
        return new SimulationRequest(settings, bmc, nics, bootOrderWriteLost, brokenSensor, biosUpdate, v, sampleHost);
    }

    public SimulationRequest withSampleHost(int v) {
        return new SimulationRequest(settings, bmc, nics, bootOrderWriteLost, brokenSensor, biosUpdate, faults, v);
    }

    public SimulationRequest withBiosUpdate(BiosUpdateEffect v) {
        return new SimulationRequest(settings, bmc, nics, bootOrderWriteLost, brokenSensor, v, faults, sampleHost);
    }
}
