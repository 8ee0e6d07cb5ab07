package dev.bmcagent.ipmi.sel;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link SelStore} in memory, thread-safe. Capacity defaults to {@value #DEFAULT_CAPACITY} records (a size
 * common in server BMCs: 3639 x 16 bytes fits the 16-bit free-space field). When full, the oldest record is
 * dropped and the overflow flag is set until the next {@link #clear()}.
 */
public final class InMemorySelStore implements SelStore {
    public static final int DEFAULT_CAPACITY = 3639;

    private final Clock clock;
    private final int capacity;
    /** Keyed by insertion sequence: iteration order is SEL order even after ID wrap-around. */
    private final SelIndex index;

    private long nextSequence;
    private int lastId;
    private long lastAdd = SelInfo.NEVER;
    private long lastErase = SelInfo.NEVER;
    private boolean overflow;

    public InMemorySelStore(Clock clock) {
        this(clock, DEFAULT_CAPACITY);
    }

    public InMemorySelStore(Clock clock, int capacity) {
        if (capacity < 1 || capacity > 0xFFFF / SelRecord.LENGTH) {
            throw new IllegalArgumentException("capacity must be 1.." + 0xFFFF / SelRecord.LENGTH + ": " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
        this.index = new SelIndex(capacity);
    }

    @Override
    public synchronized int append(SelRecord record) {
        if (index.dropOldestIfFull()) {
            overflow = true;
        }
        int id = allocateId();
        long now = SelTime.seconds(clock);
        SelRecord stored = record.withId(id).withTimestamp(now);
        index.put(nextSequence++, stored);
        lastAdd = now;
        return id;
    }

    private int allocateId() {
        int id = lastId;
        do {
            id = id >= 0xFFFE ? 1 : id + 1;
        } while (index.containsId(id));
        lastId = id;
        return id;
    }

    @Override
    public synchronized Optional<SelRecord> get(int recordId) {
        return index.get(recordId);
    }

    @Override
    public synchronized Optional<SelRecord> first() {
        return index.first();
    }

    @Override
    public synchronized Optional<SelRecord> last() {
        return index.last();
    }

    @Override
    public synchronized OptionalInt nextId(int recordId) {
        return index.nextId(recordId);
    }

    @Override
    public synchronized boolean delete(int recordId) {
        if (!index.remove(recordId)) {
            return false;
        }
        lastErase = SelTime.seconds(clock);
        return true;
    }

    @Override
    public synchronized void clear() {
        index.clear();
        overflow = false;
        lastErase = SelTime.seconds(clock);
    }

    @Override
    public synchronized SelInfo info() {
        return new SelInfo(index.size(), (capacity - index.size()) * SelRecord.LENGTH, lastAdd, lastErase, overflow);
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
