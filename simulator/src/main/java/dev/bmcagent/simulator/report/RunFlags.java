package dev.bmcagent.simulator.report;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code bmc simulate} flags that shape the hosts rather than the scenario ({@link SimulationSettings}), so
 * {@code summary.json} and the printed header record every flag a run was given.
 *
 * @param nics               single-port NICs per host ({@code --nics})
 * @param biosUpdate         what a BIOS update does to BootOrder ({@code --bios-update}: refresh or reset)
 * @param bootOrderWriteLost {@code --fault-boot-order-lost}
 * @param brokenSensor       {@code --fault-broken-sensor}, if given
 * @param sensorPoll         the agents' sensor poll period ({@code --sensor-poll})
 * @param faults             the {@code --fault} flags as given (normalised: {@code host0:dead-nics=4})
 */
public record RunFlags(
        int nics,
        String biosUpdate,
        boolean bootOrderWriteLost,
        Optional<String> brokenSensor,
        Duration sensorPoll,
        List<String> faults) {
    public RunFlags {
        Objects.requireNonNull(biosUpdate, "biosUpdate");
        Objects.requireNonNull(brokenSensor, "brokenSensor");
        Objects.requireNonNull(sensorPoll, "sensorPoll");
        faults = List.copyOf(faults);
    }
}
