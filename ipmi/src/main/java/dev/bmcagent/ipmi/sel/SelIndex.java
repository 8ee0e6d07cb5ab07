package dev.bmcagent.ipmi.sel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live records of a SEL in SEL order, found by record id: the one index behind every {@link SelStore} (in memory,
 * on the journal). Each record is kept under a key that ascends with insertion (an insertion counter, a journal
 * record id), so iteration stays in SEL order after record ids wrap around at FFFEh. At most {@code capacity}
 * records; the caller drops the oldest first ({@link #dropOldestIfFull}) and sets its overflow flag. Not thread-safe:
 * the store that owns it serialises access.
 */
public final class SelIndex {
    private final int capacity;
    private final TreeMap<Long, SelRecord> byKey = new TreeMap<>();
    private final Map<Integer, Long> keyById = new HashMap<>();

    public SelIndex(int capacity) {
        if (capacity < 1 || capacity > 0xFFFF / SelRecord.LENGTH) {
            throw new IllegalArgumentException("capacity must be 1.." + 0xFFFF / SelRecord.LENGTH + ": " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** When the index is full, drops its oldest record and returns true (the SEL overflowed). */
    public boolean dropOldestIfFull() {
        if (byKey.size() < capacity) {
            return false;
        }
        SelRecord dropped = byKey.pollFirstEntry().getValue();
        keyById.remove(dropped.recordId());
        return true;
    }

    /** Adds {@code record} under {@code key} (its place in SEL order: keys ascend with insertion). */
    public void put(long key, SelRecord record) {
        byKey.put(key, record);
        keyById.put(record.recordId(), key);
    }

    public boolean containsId(int recordId) {
        return keyById.containsKey(recordId);
    }

    public Optional<SelRecord> get(int recordId) {
        Long key = keyById.get(recordId);
        return key == null ? Optional.empty() : Optional.of(byKey.get(key));
    }

    public Optional<SelRecord> first() {
        return byKey.isEmpty()
                ? Optional.empty()
                : Optional.of(byKey.firstEntry().getValue());
    }

    public Optional<SelRecord> last() {
        return byKey.isEmpty()
                ? Optional.empty()
                : Optional.of(byKey.lastEntry().getValue());
    }

    /** The id of the record after {@code recordId} in SEL order; empty at the end or for an unknown id. */
    public OptionalInt nextId(int recordId) {
        Long key = keyById.get(recordId);
        if (key == null) {
            return OptionalInt.empty();
        }
        Map.Entry<Long, SelRecord> next = byKey.higherEntry(key);
        return next == null
                ? OptionalInt.empty()
                : OptionalInt.of(next.getValue().recordId());
    }

    /** Removes the record; false when there is none with that id. */
    public boolean remove(int recordId) {
        Long key = keyById.remove(recordId);
        if (key == null) {
            return false;
        }
        byKey.remove(key);
        return true;
    }

    public void clear() {
        byKey.clear();
        keyById.clear();
    }

    public int size() {
        return byKey.size();
    }

    /** The keys of the live records (a journal keeps these on compaction). */
    public Set<Long> keys() {
        return Set.copyOf(byKey.keySet());
    }
}
