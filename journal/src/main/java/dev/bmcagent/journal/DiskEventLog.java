package dev.bmcagent.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link EventLog} on one {@link Journal} ({@code events.journal}): journal ids are the sequence numbers;
 * each journal payload is {@code host (u32) | flags (u8, bit 0: starts a cycle) | payload}. Records that fell out of per-host retention stay
 * on disk until compaction, which runs when they outnumber the retained ones (amortized O(1) per append).
 */
public final class DiskEventLog implements EventLog {
    /** Compaction is not worth a rewrite below this many dropped records. */
    static final int MIN_DROPPED_FOR_COMPACTION = 1024;

    private static final int READ_CHUNK = 256;
    private static final int HEADER = 5;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DiskEventLog.class);

    private final Journal journal;
    private final RetentionIndex retention;

    private DiskEventLog(Journal journal, int capacityPerHost) throws IOException {
        this.journal = journal;
        this.retention = new RetentionIndex(capacityPerHost);
        long from = 0;
        for (List<JournalRecord> chunk = journal.read(from, 4096); !chunk.isEmpty(); chunk = journal.read(from, 4096)) {
            for (JournalRecord r : chunk) {
                retention.add(host(r), r.id(), startsCycle(r));
            }
            from = chunk.get(chunk.size() - 1).id() + 1;
        }
    }

    /** Opens or creates the log in {@code file}. */
    public static DiskEventLog open(Path file, int capacityPerHost, JournalOptions options) throws IOException {
        Journal j = Journal.open(file, options);
        try {
            return new DiskEventLog(j, capacityPerHost);
        } catch (IOException | RuntimeException e) {
            j.close();
            throw e;
        }
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
        try {
            boolean starts = startsCycle || retention.entries(host, 0, 1).isEmpty();
            byte[] framed = ByteBuffer.allocate(HEADER + payload.length)
                    .putInt(host)
                    .put((byte) (starts ? 1 : 0))
                    .put(payload)
                    .array();
            long seq = journal.append(framed);
            retention.add(host, seq, starts);
            if (retention.dropped() > Math.max(MIN_DROPPED_FOR_COMPACTION, retention.retained())) {
                compact();
            }
            return CompletableFuture.completedFuture(seq);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    /** The record is already durable: a failed compaction (disk full) only delays it to a later append. */
    private void compact() {
        try {
            journal.compact(r -> retention.isRetained(host(r), r.id()));
            retention.compacted();
        } catch (IOException e) {
            LOG.warn("events journal {}: compaction failed, retried later: {}", journal.file(), e.toString());
        }
    }

    @Override
    public synchronized CompletableFuture<List<StoredEvent>> readFrom(long fromSequence, int max) {
        try {
            List<StoredEvent> out = new ArrayList<>();
            long from = fromSequence;
            while (out.size() < max) {
                List<JournalRecord> chunk = journal.read(from, READ_CHUNK);
                if (chunk.isEmpty()) {
                    break;
                }
                for (JournalRecord r : chunk) {
                    if (out.size() < max && retention.isRetained(host(r), r.id())) {
                        out.add(toEvent(r));
                    }
                }
                from = chunk.get(chunk.size() - 1).id() + 1;
            }
            return CompletableFuture.completedFuture(out);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    @Override
    public synchronized CompletableFuture<List<StoredEvent>> readHost(int host, long fromSequence, int max) {
        try {
            List<StoredEvent> out = new ArrayList<>();
            for (RetentionIndex.Entry e : retention.entries(host, fromSequence, max)) {
                out.add(toEvent(journal.get(e.sequence())));
            }
            return CompletableFuture.completedFuture(out);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    @Override
    public synchronized long lastSequence() {
        return journal.nextId() - 1;
    }

    @Override
    public void reserve(String key, long value) {
        try {
            journal.reserve(key, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long recoveredCeiling(String key) {
        return journal.recovery().damaged() ? journal.ceiling(key) : 0;
    }

    @Override
    public int capacityPerHost() {
        return retention.capacity();
    }

    /** The underlying journal's recovery report (for the startup log). */
    public JournalRecovery recovery() {
        return journal.recovery();
    }

    @Override
    public synchronized void close() {
        try {
            journal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int host(JournalRecord r) {
        return ByteBuffer.wrap(r.payload(), 0, 4).getInt();
    }

    private static boolean startsCycle(JournalRecord r) {
        return (r.payload()[4] & 1) != 0;
    }

    private static StoredEvent toEvent(JournalRecord r) {
        byte[] p = r.payload();
        return new StoredEvent(
                ByteBuffer.wrap(p, 0, 4).getInt(), r.id(), (p[4] & 1) != 0, Arrays.copyOfRange(p, HEADER, p.length));
    }
}
