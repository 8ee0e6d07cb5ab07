package dev.bmcagent.bench;

import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorBus;
import dev.bmcagent.core.sensor.SensorSpec;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A simulated DIMM temperature device on the host's SMBus that records the {@code System.nanoTime()} start and end
 * of every read (bounded: reads past {@code capacity} are counted, not recorded). A read parks for
 * {@code readNanos} to stand for the SMBus transaction.
 */
final class RecordingDimmBus implements SensorBus {
    private final AtomicLongArray starts;
    private final AtomicLongArray ends;
    private final AtomicInteger next = new AtomicInteger();
    private final long readNanos;

    RecordingDimmBus(int capacity, long readNanos) {
        this.starts = new AtomicLongArray(capacity);
        this.ends = new AtomicLongArray(capacity);
        this.readNanos = readNanos;
    }

    @Override
    public Reading read(SensorSpec sensor) {
        long start = System.nanoTime();
        if (readNanos > 0) {
            LockSupport.parkNanos(readNanos);
        }
        long end = System.nanoTime();
        int i = next.getAndIncrement();
        if (i < starts.length()) {
            starts.set(i, start);
            ends.set(i, end);
        }
        return new Reading.Value(41.5);
    }

    /** Reads so far (recorded or not). */
    int reads() {
        return next.get();
    }

    /** Reads recorded: indexes 0..recorded()-1 of {@link #start}/{@link #end}. */
    int recorded() {
        return Math.min(next.get(), starts.length());
    }

    long start(int i) {
        return starts.get(i);
    }

    long end(int i) {
        return ends.get(i);
    }
}
