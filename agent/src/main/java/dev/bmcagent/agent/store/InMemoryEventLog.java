package dev.bmcagent.agent.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** {@link EventLog} in memory only: for tests, the simulator's fleet mode, and {@code store: MEMORY}. */
public final class InMemoryEventLog implements EventLog {
    private final RetentionIndex retention;
    private final TreeMap<Long, StoredEvent> events = new TreeMap<>();
    private long lastSequence;

    public InMemoryEventLog(int capacityPerHost) {
        this.retention = new RetentionIndex(capacityPerHost);
    }

    @Override
    public synchronized CompletableFuture<Long> append(int host, byte[] payload) {
        if (host < 0) {
            throw new IllegalArgumentException("host must be >= 0, got " + host);
        }
        long seq = ++lastSequence;
        events.put(seq, new StoredEvent(host, seq, payload));
        long dropped = retention.add(host, seq);
        if (dropped > 0) {
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
        for (long s : retention.sequences(host, fromSequence, max)) {
            out.add(events.get(s));
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
