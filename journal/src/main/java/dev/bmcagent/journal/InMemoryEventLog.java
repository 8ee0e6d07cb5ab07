package dev.bmcagent.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** {@link EventLog} in memory only: for tests, the simulator's fleet mode, and {@code store: MEMORY}. */
final class InMemoryEventLog implements EventLog {
    private final RetentionIndex retention;
    private final TreeMap<Long, StoredEvent> events = new TreeMap<>();
    private long lastSequence;

    public InMemoryEventLog(int capacityPerHost) {
        this.retention = new RetentionIndex(capacityPerHost);
    }

    @Override
    public CompletableFuture<Long> append(int host, byte[] payload) {
        return add(host, true, payload);
    }

    @Override
    public CompletableFuture<Long> appendToCycle(int host, byte[] payload) {
        return add(host, false, payload);
    }

    private synchronized CompletableFuture<Long> add(int host, boolean startsCycle, byte[] payload) {
        if (host < 0) {
            throw new IllegalArgumentException("host must be >= 0, got " + host);
        }
        long seq = lastSequence + 1;
        // what is stored says whether the record really started a cycle (a host's first record always does)
        boolean starts = startsCycle || retention.entries(host, 0, 1).isEmpty();
        events.put(seq, new StoredEvent(host, seq, starts, payload));
        lastSequence = seq;
        for (long dropped : retention.add(host, seq, starts)) {
            events.remove(dropped);
        }
        return CompletableFuture.completedFuture(seq);
    }

    @Override
    public synchronized CompletableFuture<List<StoredEvent>> readFrom(long fromSequence, int max) {
        List<StoredEvent> out = new ArrayList<>();
        for (Map.Entry<Long, StoredEvent> e : events.tailMap(fromSequence, true).entrySet()) {
            if (out.size() >= max) {
                break;
            }
            out.add(e.getValue());
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public synchronized CompletableFuture<List<StoredEvent>> readHost(int host, long fromSequence, int max) {
        List<StoredEvent> out = new ArrayList<>();
        for (RetentionIndex.Entry e : retention.entries(host, fromSequence, max)) {
            out.add(events.get(e.sequence()));
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public synchronized long lastSequence() {
        return lastSequence;
    }

    @Override
    public int capacityPerHost() {
        return retention.capacity();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
