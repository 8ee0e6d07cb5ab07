package dev.bmcagent.simulator.thermal;

import dev.bmcagent.core.fan.FanController;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A host's fans, driven through the agent's {@link FanController} port: fan {@code i} belongs to zone
 * {@code i % zones} and spins at {@code duty × maxRpm} while the host is powered. Thread-safe (the agent may set
 * duty from its own thread in live mode).
 */
public final class SimFans implements FanController {
    /** Duty the fans run at before the BMC sets one (a typical BMC boot default). */
    public static final int DEFAULT_DUTY = 50;

    private final int[] duty;
    private final int fans;
    private final int maxRpm;
    private long dutyChanges;
    private long fullSpeedEntries;

    public SimFans(int zones, int fans, int maxRpm) {
        if (zones < 1 || fans < 1 || maxRpm < 1) {
            throw new IllegalArgumentException("zones, fans and maxRpm must be positive");
        }
        this.duty = new int[zones];
        Arrays.fill(duty, DEFAULT_DUTY);
        this.fans = fans;
        this.maxRpm = maxRpm;
    }

    @Override
    public synchronized void setDuty(int zone, int percent) {
        if (zone < 0 || zone >= duty.length) {
            throw new IllegalArgumentException("no fan zone " + zone);
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("duty must be 0-100 %: " + percent);
        }
        if (duty[zone] != percent) {
            dutyChanges++;
            if (zone == 0 && percent == 100) {
                fullSpeedEntries++;
            }
        }
        duty[zone] = percent;
    }

    @Override
    public List<Integer> zones() {
        return IntStream.range(0, duty.length).boxed().toList();
    }

    public synchronized int duty(int zone) {
        return duty[zone];
    }

    /** Mean duty over all zones, percent. */
    public synchronized double meanDuty() {
        return Arrays.stream(duty).average().orElse(0);
    }

    public int fanCount() {
        return fans;
    }

    public int zoneCount() {
        return duty.length;
    }

    /** Speed of fan {@code fan} (0-based) in RPM; zero when the host is off. */
    public synchronized int rpm(int fan, boolean powered) {
        if (fan < 0 || fan >= fans) {
            throw new IllegalArgumentException("no fan " + fan);
        }
        return powered ? duty[fan % duty.length] * maxRpm / 100 : 0;
    }

    /** Times zone 0 went to 100 % duty from a lower duty: the fail-safe entries as the host's fans see them. */
    public synchronized long fullSpeedEntries() {
        return fullSpeedEntries;
    }

    /** Number of times a zone's duty actually changed. */
    public synchronized long dutyChanges() {
        return dutyChanges;
    }
}
