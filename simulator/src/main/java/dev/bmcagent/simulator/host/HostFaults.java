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
    private int deadNetworkAttempts;
    private final Set<Integer> stalledFans = new HashSet<>();
    private int dimmsLost;
    private boolean biosUpdateResetsBootOrder;

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

    /**
     * The next {@code attempts} network-boot attempts find no DHCP server (link up, nobody answers), whatever the
     * environment says: all NICs dead for that many attempts, each costing the profile's no-DHCP time.
     */
    public synchronized HostFaults deadNetworkAttempts(int attempts) {
        deadNetworkAttempts = requireCount(attempts);
        return this;
    }

    /** Fan {@code fan} (0-based) stalls: its tachometer reads 0 RPM whatever duty it is given. */
    public synchronized HostFaults stallFan(int fan, boolean stalled) {
        if (stalled) {
            stalledFans.add(requireCount(fan));
        } else {
            stalledFans.remove(fan);
        }
        return this;
    }

    /** The last {@code count} DIMM slots no longer answer SPD reads (from the next memory init on). */
    public synchronized HostFaults loseDimms(int count) {
        dimmsLost = requireCount(count);
        return this;
    }

    /** A BIOS update resets BootOrder to the vendor defaults, whatever the host's configured effect is. */
    public synchronized HostFaults biosUpdateResetsBootOrder(boolean on) {
        biosUpdateResetsBootOrder = on;
        return this;
    }

    synchronized boolean consumeDeadNetworkAttempt() {
        if (deadNetworkAttempts > 0) {
            deadNetworkAttempts--;
            return true;
        }
        return false;
    }

    public synchronized boolean fanStalled(int fan) {
        return stalledFans.contains(fan);
    }

    public synchronized int dimmsLost() {
        return dimmsLost;
    }

    synchronized boolean biosUpdateResetsBootOrder() {
        return biosUpdateResetsBootOrder;
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
