package dev.bmcagent.simulator.live;

import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorBus;
import dev.bmcagent.core.sensor.SensorSpec;
import java.util.Objects;
import java.util.concurrent.locks.Lock;

/**
 * A live simulated host's sensor bus as the agent's {@code SensorPoller} reads it: the host's own bus
 * ({@code SimulatedHost.sensorBus()}: PECI, I2C, the DIMM SMBus shared with UEFI, fan tachometers), read between two
 * pacing ticks.
 *
 * <p>Why a lock and not a hand-off to the simulation thread: the host model (power state, thermal model, SMBus,
 * fans) is advanced only by the pacer, one tick at a time, holding {@code steps}. A read takes the same lock, so it
 * sees the model between two events, never halfway through one, and the lock orders the pacer's plain writes
 * (e.g. the host's power state) before the read. Handing the read to the simulation thread and waiting for it would
 * deadlock in {@code bmc demo}, where the pacer and the agent's poller share the agent's one scheduler thread (the
 * read would wait for its own thread); there the reentrant lock is simply uncontended. From any other thread a read
 * waits at most for the tick in progress; a tick may wait for the agent to answer a host request (bounded by the
 * host interface's response timeout), and the agent answers those on its worker pool without waiting for a sensor
 * read (only the mailbox of the host being read may wait for it, to close a gate), so the wait cannot form a cycle. The DIMM reads stay real transactions on the host's {@code SimSmbus} at the virtual time of
 * the read, so a read that the agent's gate let through during UEFI's SPD reads would still collide.
 */
final class LiveSensorBus implements SensorBus {
    private final SensorBus host;
    private final Lock steps;

    /**
     * @param host  the simulated host's bus
     * @param steps the lock the pacer holds while it runs a tick
     */
    LiveSensorBus(SensorBus host, Lock steps) {
        this.host = Objects.requireNonNull(host, "host");
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    @Override
    public Reading read(SensorSpec sensor) {
        steps.lock();
        try {
            return host.read(sensor);
        } finally {
            steps.unlock();
        }
    }
}
