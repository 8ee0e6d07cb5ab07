package dev.bmcagent.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which sequence numbers of each host are still retained: the records of its newest {@code capacity}
 * cycles. A record either starts a cycle or joins the host's current one. Not thread-safe.
 */
final class RetentionIndex {
    private final int capacity;
    private final Map<Integer, Host> hosts = new HashMap<>();
    private long retained;
    private long dropped;

    RetentionIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacityPerHost must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Records {@code sequence} for {@code host}. Returns the sequences that fell out of retention (the
     * oldest cycle, when a new cycle made the host exceed its capacity), oldest first.
     */
    List<Long> add(int host, long sequence, boolean startsCycle) {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        boolean starts = startsCycle || h.records.isEmpty();
        h.records.addLast(new Entry(sequence, starts));
        retained++;
        if (starts) {
            h.cycles++;
        }
        List<Long> out = new ArrayList<>();
        while (h.cycles > capacity) {
            out.add(h.records.removeFirst().sequence);
            while (!h.records.isEmpty() && !h.records.peekFirst().startsCycle) {
                out.add(h.records.removeFirst().sequence);
            }
            h.cycles--;
        }
        retained -= out.size();
        dropped += out.size();
        return out;
    }

    boolean isRetained(int host, long sequence) {
        Host h = hosts.get(host);
        return h != null && !h.records.isEmpty() && sequence >= h.records.peekFirst().sequence;
    }

    /** Retained records of {@code host} with sequence {@code >= from}, at most {@code max}. */
    List<Entry> entries(int host, long from, int max) {
        List<Entry> out = new ArrayList<>();
        Host h = hosts.get(host);
        if (h != null) {
            for (Entry e : h.records) {
                if (out.size() >= max) {
                    break;
                }
                if (e.sequence >= from) {
                    out.add(e);
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

    record Entry(long sequence, boolean startsCycle) {}

    private static final class Host {
        final ArrayDeque<Entry> records = new ArrayDeque<>();
        int cycles;
    }
}
