package dev.bmcagent.simulator.host;

import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The fault injector of one host. Counted faults apply to the next N boots and then clear themselves, so a
 * scenario can recover; the others stay until cleared. Thread-safe.
 */
public final class HostFaults {
    private int hangsInMemoryTraining;
    private boolean allInterfacesDead;
    private int powerFlaps;
    private Duration flapOffTime = Duration.ofSeconds(3);
    private boolean bootOrderWriteLost;
    private final Set<String> brokenSensors = new HashSet<>();

    /** The next {@code boots} boots hang in memory training (until the BMC resets or power-cycles the host). */
    public synchronized HostFaults hangInMemoryTraining(int boots) {
        hangsInMemoryTraining = requireCount(boots);
        return this;
    }

    /** Every network interface is dead (link up, no DHCP) whatever the environment says. */
    public synchronized HostFaults allInterfacesDead(boolean on) {
        allInterfacesDead = on;
        return this;
    }

    /** The next {@code boots} boots lose power during firmware for {@code offTime}, then power returns. */
    public synchronized HostFaults flappingPower(int boots, Duration offTime) {
        powerFlaps = requireCount(boots);
        flapOffTime = Objects.requireNonNull(offTime, "offTime");
        return this;
    }

    /** Boot-order writes are acknowledged but do not stick in NVRAM. */
    public synchronized HostFaults bootOrderWriteLost(boolean on) {
        bootOrderWriteLost = on;
        return this;
    }

    /** Sensor {@code name} is broken: every read fails, even in S0. */
    public synchronized HostFaults breakSensor(String name, boolean broken) {
        if (broken) {
            brokenSensors.add(name);
        } else {
            brokenSensors.remove(name);
        }
        return this;
    }

    synchronized boolean consumeHang() {
        if (hangsInMemoryTraining > 0) {
            hangsInMemoryTraining--;
            return true;
        }
        return false;
    }

    synchronized boolean consumeFlap() {
        if (powerFlaps > 0) {
            powerFlaps--;
            return true;
        }
        return false;
    }

    synchronized Duration flapOffTime() {
        return flapOffTime;
    }

    public synchronized boolean allInterfacesDead() {
        return allInterfacesDead;
    }

    public synchronized boolean bootOrderWriteLost() {
        return bootOrderWriteLost;
    }

    public synchronized boolean isBroken(String sensorName) {
        return brokenSensors.contains(sensorName);
    }

    private static int requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + n);
        }
        return n;
    }
}
