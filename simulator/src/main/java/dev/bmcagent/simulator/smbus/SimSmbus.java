package dev.bmcagent.simulator.smbus;

import dev.bmcagent.common.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A host's DIMM SMBus, shared by UEFI and the BMC, in virtual time. Every transaction occupies
 * {@code [start, start + duration)}; two transactions of different masters that overlap collide (counted once per
 * overlapping pair). A firmware SPD read that collided returns bad data with probability
 * {@code spdFailureProbability}; BMC reads always return their value (the BMC is modelled as winning arbitration).
 *
 * <p>Touched only on the host's scheduler thread. The per-transaction log can be turned off for big fleets; the
 * counters are always exact.
 */
public final class SimSmbus {
    private final Scheduler scheduler;
    private final RandomGenerator rng;
    private final double spdFailureProbability;
    private final boolean keepLog;
    private final List<Open> open = new ArrayList<>();
    private final List<Open> log = new ArrayList<>();
    private final Map<BusMaster, Long> transactions = new EnumMap<>(BusMaster.class);
    private long collisions;
    private long failedFirmwareReads;

    /**
     * @param scheduler             the host's (virtual) scheduler: start times come from its clock
     * @param rng                   the host's seeded generator, drawn once per collided firmware read
     * @param spdFailureProbability chance that a collided firmware read returns bad data, 0..1
     * @param keepLog               whether to keep every transaction for {@link #log()}
     */
    public SimSmbus(Scheduler scheduler, RandomGenerator rng, double spdFailureProbability, boolean keepLog) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.rng = Objects.requireNonNull(rng, "rng");
        if (!(spdFailureProbability >= 0 && spdFailureProbability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1: " + spdFailureProbability);
        }
        this.spdFailureProbability = spdFailureProbability;
        this.keepLog = keepLog;
        for (BusMaster m : BusMaster.values()) {
            transactions.put(m, 0L);
        }
    }

    /**
     * Firmware starts reading {@code address} now; {@code done} receives {@code true} (good data) or {@code false}
     * (corrupted by a collision) when the transaction ends, {@code duration} later.
     */
    public synchronized void firmwareRead(int address, Duration duration, Consumer<Boolean> done) {
        Open tx = begin(BusMaster.FIRMWARE, address, duration);
        scheduler.schedule(duration, () -> done.accept(finish(tx)));
    }

    private synchronized boolean finish(Open tx) {
        if (tx.collided && rng.nextDouble() < spdFailureProbability) {
            tx.failed = true;
            failedFirmwareReads++;
        }
        return !tx.failed;
    }

    /**
     * The BMC reads {@code address} now for {@code duration}; returns whether a firmware transaction was already in
     * flight. A firmware transaction starting before this one ends still collides (counted, flagged in the log).
     */
    public synchronized boolean bmcRead(int address, Duration duration) {
        return begin(BusMaster.BMC, address, duration).collided;
    }

    private Open begin(BusMaster master, int address, Duration duration) {
        long now = nanos(scheduler.clock().instant());
        Open tx = new Open(master, address, now, now + duration.toNanos());
        for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
            Open other = it.next();
            if (other.end <= now) {
                it.remove();
            } else if (other.master != master) {
                other.collided = true;
                tx.collided = true;
                collisions++;
            }
        }
        if (tx.end > now) {
            open.add(tx);
        }
        transactions.merge(master, 1L, Long::sum);
        if (keepLog) {
            log.add(tx);
        }
        return tx;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Overlapping (firmware, BMC) transaction pairs so far. */
    public synchronized long collisions() {
        return collisions;
    }

    /** Firmware reads that returned bad data because of a collision. */
    public synchronized long failedFirmwareReads() {
        return failedFirmwareReads;
    }

    /** Transactions driven by {@code master} so far. */
    public synchronized long transactions(BusMaster master) {
        return transactions.get(master);
    }

    /** Every transaction so far (empty when the log is off), in start order; collided/failed flags as of now. */
    public synchronized List<BusTransaction> log() {
        List<BusTransaction> out = new ArrayList<>(log.size());
        for (Open t : log) {
            out.add(new BusTransaction(t.master, t.address, instant(t.start), instant(t.end), t.collided, t.failed));
        }
        return Collections.unmodifiableList(out);
    }

    /** A transaction in flight (or logged). */
    private static final class Open {
        final BusMaster master;
        final int address;
        final long start;
        final long end;
        boolean collided;
        boolean failed;

        Open(BusMaster master, int address, long start, long end) {
            this.master = master;
            this.address = address;
            this.start = start;
            this.end = end;
        }
    }
}
