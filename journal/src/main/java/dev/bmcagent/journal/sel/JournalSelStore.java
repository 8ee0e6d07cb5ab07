package dev.bmcagent.journal.sel;

import dev.bmcagent.ipmi.sel.SelIndex;
import dev.bmcagent.ipmi.sel.SelInfo;
import dev.bmcagent.ipmi.sel.SelOutOfSpaceException;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SelTime;
import dev.bmcagent.journal.FsyncPolicy;
import dev.bmcagent.journal.Journal;
import dev.bmcagent.journal.JournalRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A {@link SelStore} over a {@link Journal}: every change is one journal record (written before the call returns,
 * so it survives {@code kill -9}); opening replays them. IDs continue after a restart and are never reused;
 * capacity, overflow flag, last add / erase times and Clear SEL persist.
 *
 * <p>Journal records: {@code 'A'} + the 16-byte stored record; {@code 'D'} + ID LE16 + erase time LE32;
 * {@code 'C'} (clear) + last ID + erase time; {@code 'M'} (snapshot) + last ID + last add + last erase + overflow.
 * Clear compacts the journal down to its {@code 'C'} record; when the journal holds more than twice the capacity
 * (deleted and dropped records), it is compacted to the live records plus an {@code 'M'} snapshot.
 *
 * <p>Before an id is handed out it is reserved in the journal's high-water mark ({@value #ID_MARK}); when the journal
 * was found damaged (records lost to corruption), ids resume above that mark, so no id is ever handed out twice.
 */
public final class JournalSelStore implements SelStore, AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JournalSelStore.class);
    private static final byte APPEND = 'A';
    private static final byte DELETE = 'D';
    private static final byte CLEAR = 'C';
    private static final byte META = 'M';
    private static final int READ_BATCH = 1024;
    /** SEL record ids 0001h..FFFEh: 0000h and FFFFh are the "first"/"last" aliases. */
    private static final int ID_SPACE = 0xFFFE;
    /** High-water mark key (see {@link Journal#reserve}) of the SEL record id, counted without wrapping. */
    static final String ID_MARK = "sel.recordId";

    private final Journal journal;
    private final Clock clock;
    private final int capacity;
    /** Keyed by the journal id of each live record's append (journal ids ascend with insertion). */
    private final SelIndex index;

    private int lastId;
    private long lastAdd = SelInfo.NEVER;
    private long lastErase = SelInfo.NEVER;
    private boolean overflow;
    /** The last write failed (disk full): no free space is reported until a write succeeds. */
    private boolean outOfSpace;
    /** The last id handed out, counted without wrapping at FFFEh (so that it can be compared with the mark). */
    private long issued;

    /** Replays {@code journal}; the store owns it from now on (closing the store closes it). */
    public JournalSelStore(Journal journal, Clock clock, int capacity) {
        if (capacity < 1 || capacity > 0xFFFF / SelRecord.LENGTH) {
            throw new IllegalArgumentException("capacity must be 1.." + 0xFFFF / SelRecord.LENGTH + ": " + capacity);
        }
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
        this.index = new SelIndex(capacity);
        replay();
        long mark = journal.ceiling(ID_MARK);
        if (journal.recovery().damaged() && mark > 0) {
            issued = Math.max(mark, unwrap(lastId, mark)); // records were lost: resume above every id ever issued
            lastId = wrap(issued);
        } else {
            issued = unwrap(lastId, mark);
        }
    }

    /** The id {@code u} (counted without wrapping) stands for: 1..FFFEh. */
    static int wrap(long u) {
        return (int) ((u - 1) % ID_SPACE) + 1;
    }

    /** The largest value {@code <= mark} that wraps to {@code id} ({@code id} itself without a mark). */
    static long unwrap(int id, long mark) {
        if (id <= 0 || mark <= 0) {
            return id;
        }
        long u = mark - Math.floorMod(mark - id, ID_SPACE);
        return u > 0 ? u : id;
    }

    private void replay() {
        try {
            long from = 1;
            while (true) {
                List<JournalRecord> batch = journal.read(from, READ_BATCH);
                for (JournalRecord r : batch) {
                    apply(r.id(), ByteBuffer.wrap(r.payload()));
                }
                if (batch.size() < READ_BATCH) {
                    return;
                }
                from = batch.get(batch.size() - 1).id() + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("SEL journal " + journal.file() + " unreadable", e);
        }
    }

    private void apply(long journalId, ByteBuffer b) {
        byte kind = b.get();
        switch (kind) {
            case APPEND -> {
                byte[] bytes = new byte[SelRecord.LENGTH];
                b.get(bytes);
                SelRecord rec = SelRecord.decode(bytes);
                if (index.dropOldestIfFull()) {
                    overflow = true;
                }
                index.put(journalId, rec);
                lastId = rec.recordId();
                lastAdd = rec.timestamped() ? rec.timestamp() : lastAdd;
            }
            case DELETE -> {
                index.remove(b.getShort() & 0xFFFF);
                lastErase = b.getInt() & 0xFFFFFFFFL;
            }
            case CLEAR -> {
                index.clear();
                overflow = false;
                lastId = b.getShort() & 0xFFFF;
                lastErase = b.getInt() & 0xFFFFFFFFL;
            }
            case META -> {
                lastId = b.getShort() & 0xFFFF;
                lastAdd = b.getInt() & 0xFFFFFFFFL;
                lastErase = b.getInt() & 0xFFFFFFFFL;
                overflow = b.get() != 0;
            }
            default -> throw new IllegalStateException("SEL journal record " + journalId + ": unknown kind " + kind);
        }
    }

    @Override
    public synchronized int append(SelRecord record) {
        long u = issued;
        int id;
        do {
            u++;
            id = wrap(u);
        } while (index.containsId(id));
        try {
            journal.reserve(ID_MARK, u);
        } catch (IOException e) {
            refused(e);
        }
        SelRecord stored = record.withId(id).withTimestamp(SelTime.seconds(clock));
        writeAndApply(ByteBuffer.allocate(1 + SelRecord.LENGTH)
                .put(APPEND)
                .put(stored.encode())
                .array());
        issued = u;
        compactIfLarge();
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
        if (!index.containsId(recordId)) {
            return false;
        }
        writeAndApply(ByteBuffer.allocate(7)
                .put(DELETE)
                .putShort((short) recordId)
                .putInt((int) SelTime.seconds(clock))
                .array());
        return true;
    }

    @Override
    public synchronized void clear() {
        long j = writeAndApply(ByteBuffer.allocate(7)
                .put(CLEAR)
                .putShort((short) lastId)
                .putInt((int) SelTime.seconds(clock))
                .array());
        compact(Set.of(j));
    }

    @Override
    public synchronized SelInfo info() {
        return new SelInfo(
                index.size(),
                outOfSpace ? 0 : (capacity - index.size()) * SelRecord.LENGTH,
                lastAdd,
                lastErase,
                overflow);
    }

    /** The fsync policy of the journal under this SEL (the agent's {@code fsync} setting). */
    public FsyncPolicy fsync() {
        return journal.options().fsync();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** After an append that is already durable: a failure (disk full) only delays compaction to a later append. */
    private void compactIfLarge() {
        try {
            compactIfLargeOrThrow();
        } catch (UncheckedIOException | SelOutOfSpaceException e) {
            LOG.warn("SEL journal {}: compaction failed, retried later: {}", journal.file(), e.toString());
        }
    }

    private void compactIfLargeOrThrow() {
        if (journal.size() > 2 * capacity + 16) {
            long m = write(ByteBuffer.allocate(12)
                    .put(META)
                    .putShort((short) lastId)
                    .putInt((int) lastAdd)
                    .putInt((int) lastErase)
                    .put((byte) (overflow ? 1 : 0))
                    .array());
            Set<Long> keep = new HashSet<>(index.keys());
            keep.add(m);
            compact(keep);
        }
    }

    private void compact(Set<Long> keep) {
        try {
            journal.compact(r -> keep.contains(r.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("SEL journal " + journal.file() + " compaction failed", e);
        }
    }

    /** Writes first (durable), then changes memory: a failed write changes nothing. */
    private long writeAndApply(byte[] payload) {
        long id = write(payload);
        apply(id, ByteBuffer.wrap(payload));
        return id;
    }

    private long write(byte[] payload) {
        try {
            long id = journal.append(payload);
            outOfSpace = false;
            return id;
        } catch (IOException e) {
            refused(e);
            throw new IllegalStateException("unreachable");
        }
    }

    /**
     * A write failed (disk full, I/O error): the record is refused, visibly. Until a write succeeds again, Get SEL
     * Info reports no free space, and the overflow flag is set (records are being dropped) until the next clear.
     */
    private void refused(IOException e) {
        outOfSpace = true;
        overflow = true;
        throw new SelOutOfSpaceException("SEL journal " + journal.file() + " cannot be written: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
