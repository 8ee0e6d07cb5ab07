package dev.bmcagent.ipmi.sel;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A {@link SelStore} in memory, thread-safe. Capacity defaults to {@value #DEFAULT_CAPACITY} records (a size
 * common in server BMCs: 3639 x 16 bytes fits the 16-bit free-space field). When full, the oldest record is
 * dropped and the overflow flag is set until the next {@link #clear()}.
 */
public final class InMemorySelStore implements SelStore {
    public static final int DEFAULT_CAPACITY = 3639;

    private final Clock clock;
    private final int capacity;
    /** Insertion sequence → record: iteration order is SEL order even after ID wrap-around. */
    private final TreeMap<Long, SelRecord> bySequence = new TreeMap<>();
    private final Map<Integer, Long> sequenceById = new HashMap<>();
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
    }

    @Override
    public synchronized int append(SelRecord record) {
        if (bySequence.size() >= capacity) {
            SelRecord dropped = bySequence.pollFirstEntry().getValue();
            sequenceById.remove(dropped.recordId());
            overflow = true;
        }
        int id = allocateId();
        long now = SelTime.seconds(clock);
        SelRecord stored = record.withId(id).withTimestamp(now);
        long seq = nextSequence++;
        bySequence.put(seq, stored);
        sequenceById.put(id, seq);
        lastAdd = now;
        return id;
    }

    private int allocateId() {
        int id = lastId;
        do {
            id = id >= 0xFFFE ? 1 : id + 1;
        } while (sequenceById.containsKey(id));
        lastId = id;
        return id;
    }

    @Override
    public synchronized Optional<SelRecord> get(int recordId) {
        Long seq = sequenceById.get(recordId);
        return seq == null ? Optional.empty() : Optional.of(bySequence.get(seq));
    }

    @Override
    public synchronized Optional<SelRecord> first() {
        return bySequence.isEmpty() ? Optional.empty() : Optional.of(bySequence.firstEntry().getValue());
    }

    @Override
    public synchronized Optional<SelRecord> last() {
        return bySequence.isEmpty() ? Optional.empty() : Optional.of(bySequence.lastEntry().getValue());
    }

    @Override
    public synchronized OptionalInt nextId(int recordId) {
        Long seq = sequenceById.get(recordId);
        if (seq == null) {
            return OptionalInt.empty();
        }
        Map.Entry<Long, SelRecord> next = bySequence.higherEntry(seq);
        return next == null ? OptionalInt.empty() : OptionalInt.of(next.getValue().recordId());
    }

    @Override
    public synchronized boolean delete(int recordId) {
        Long seq = sequenceById.remove(recordId);
        if (seq == null) {
            return false;
        }
        bySequence.remove(seq);
        lastErase = SelTime.seconds(clock);
        return true;
    }

    @Override
    public synchronized void clear() {
        bySequence.clear();
        sequenceById.clear();
        overflow = false;
        lastErase = SelTime.seconds(clock);
    }

    @Override
    public synchronized SelInfo info() {
        return new SelInfo(bySequence.size(), (capacity - bySequence.size()) * SelRecord.LENGTH, lastAdd, lastErase,
                overflow);
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
