package dev.bmcagent.simulator.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Counts reboots in flight, exactly, on the virtual clock: a host is in flight from the moment a reboot of it is
 * issued (the campaign's OS reboot, the agent's reset) until its OS runs again; a reboot issued while it is already
 * in flight (the agent's re-apply reset during POST) does not count twice. Keeps every change (time, ±1, wave) so
 * the peak is the true maximum over all instants and the chart can be drawn per wave. Simulation thread only.
 */
public final class RebootTracker {
    /** One change of the in-flight count. */
    public record Change(long atNanos, int delta, int wave) {}

    private final boolean[] inFlight;
    private final int[] reboots;
    private final IntUnaryOperator waveOf;
    private final List<Change> changes = new ArrayList<>();
    private final long[] startedAt;
    private int current;
    private int peak;
    private long peakAt;

    /**
     * @param hosts  fleet size
     * @param waveOf host index → wave it was started in (-1: none)
     */
    public RebootTracker(int hosts, IntUnaryOperator waveOf) {
        this.inFlight = new boolean[hosts];
        this.reboots = new int[hosts];
        this.startedAt = new long[hosts];
        this.waveOf = waveOf;
    }

    /** A reboot of host {@code index} was issued at {@code nanos} (virtual time since the epoch). */
    public void begin(int index, long nanos) {
        reboots[index]++;
        if (inFlight[index]) {
            return;
        }
        inFlight[index] = true;
        startedAt[index] = nanos;
        current++;
        if (current > peak) {
            peak = current;
            peakAt = nanos;
        }
        changes.add(new Change(nanos, +1, waveOf.applyAsInt(index)));
    }

    /** Host {@code index}'s OS runs again. */
    public void end(int index, long nanos) {
        if (!inFlight[index]) {
            return;
        }
        inFlight[index] = false;
        current--;
        changes.add(new Change(nanos, -1, waveOf.applyAsInt(index)));
    }

    /** Whether host {@code index} is in flight (a reboot issued, its OS not yet running). */
    public boolean inFlight(int index) {
        return inFlight[index];
    }

    public int current() {
        return current;
    }

    /** Most hosts in flight at any instant. */
    public int peak() {
        return peak;
    }

    public Duration peakAt() {
        return Duration.ofNanos(peakAt);
    }

    /** Reboots issued for host {@code index} (re-apply resets during POST included). */
    public int reboots(int index) {
        return reboots[index];
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Recomputes the peak from the recorded changes (a check that the running count was right). */
    public int peakFromChanges() {
        int c = 0;
        int p = 0;
        for (Change ch : changes) {
            c += ch.delta();
            p = Math.max(p, c);
        }
        return p;
    }
}
