package dev.bmcagent.agent.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which sequence numbers of each host are still retained (the newest {@code capacity}). Not thread-safe. */
final class RetentionIndex {
    private final int capacity;
    private final Map<Integer, ArrayDeque<Long>> byHost = new HashMap<>();
    private long retained;
    private long dropped;

    RetentionIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacityPerHost must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records {@code sequence} for {@code host}; returns the sequence that fell out of retention, or 0. */
    long add(int host, long sequence) {
        ArrayDeque<Long> q = byHost.computeIfAbsent(host, h -> new ArrayDeque<>());
        q.addLast(sequence);
        retained++;
        if (q.size() > capacity) {
            retained--;
            dropped++;
            return q.removeFirst();
        }
        return 0;
    }

    boolean isRetained(int host, long sequence) {
        ArrayDeque<Long> q = byHost.get(host);
        return q != null && !q.isEmpty() && sequence >= q.peekFirst();
    }

    /** Retained sequences of {@code host} that are {@code >= from}, at most {@code max}. */
    List<Long> sequences(int host, long from, int max) {
        List<Long> out = new ArrayList<>();
        ArrayDeque<Long> q = byHost.get(host);
        if (q != null) {
            for (Long s : q) {
                if (out.size() >= max) {
                    break;
                }
                if (s >= from) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    long retained() {
        return retained;
    }

    /** Records dropped from retention but possibly still on disk (until compaction). */
    long dropped() {
        return dropped;
    }

    void compacted() {
        dropped = 0;
    }

    int capacity() {
        return capacity;
    }
}
