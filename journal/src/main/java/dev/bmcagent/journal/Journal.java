package dev.bmcagent.journal;

import dev.bmcagent.common.time.Scheduler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crash-safe append-only journal: one file, one stream of records with ids 1, 2, 3... that are never
 * reused (not after a restart, not after compaction). File layout: {@link JournalFormat}.
 *
 * <p><b>Durability.</b> {@link #append} returns only after the whole frame was written to the OS with
 * {@code FileChannel.write}; the record then survives {@code kill -9} of this process. Power-loss
 * durability needs fsync: see {@link FsyncPolicy} (configured through {@link JournalOptions}).
 *
 * <p><b>Recovery.</b> {@link #open} verifies every frame's CRC32C and resynchronises past corruption to the next
 * valid frame (see {@link JournalScan}): every valid record is kept, wherever the damage is. A torn tail (an
 * append cut short by a crash) is cut off. When records were lost to corruption (corrupt bytes in the middle, or a
 * damaged tail) the file is first copied as found to {@code <name>.damaged-<n>} for inspection, then rewritten
 * without the corrupt bytes, and ids continue above the persisted high-water mark ({@link HighWaterMarks},
 * {@code <name>.hwm}): no id ever handed out is handed out again, even one whose record was destroyed.
 *
 * <p><b>Retention.</b> {@link #retainLast} and {@link #compact} rewrite the kept frames into a temp file,
 * fsync it and rename it over the journal: a crash at any step leaves either the old or the new file.
 *
 * <p><b>Threads.</b> All methods are thread-safe; appends are serialized (one writer per journal).
 * A second open of the same file, from this or another process, fails.
 */
public final class Journal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final String COMPACT_SUFFIX = ".compact";
    /** High-water mark key of the journal's own record ids. */
    private static final String ID_KEY = "journal.id";

    private final Path file;
    private final JournalOptions options;
    private final JournalRecovery recovery;
    private final ReentrantLock lock = new ReentrantLock();
    private final Scheduler.Cancellable groupCommit;
    private FileChannel channel;
    private FileLock fileLock;
    private JournalIndex index;
    private HighWaterMarks marks;
    private long end;
    private long nextId;
    private boolean dirty;
    private boolean closed;

    private Journal(Path file, JournalOptions options) throws IOException {
        this.file = file;
        this.options = options;
        openChannel(true); // the lock first: nothing of another opener's (its compaction file) is touched before
        try {
            boolean stale = Files.deleteIfExists(compactFile(file));
            if (stale) {
                log.warn("journal {}: deleted an unfinished compaction file (crash during compaction)", file);
            }
            if (channel.size() == 0) { // new, or created by a run that died before writing the header
                writeFully(channel, JournalFormat.header(1), 0);
                channel.force(true);
                AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
            }
            long floor = readHeader(channel, file);
            JournalScan scan = JournalScan.scan(channel);
            long size = channel.size();
            boolean damaged = !scan.corrupt().isEmpty() || (scan.validEnd() < size && !scan.tornTail());
            Path copy = damaged ? JournalRepair.copyAside(channel, file) : null;
            this.marks = HighWaterMarks.load(file);
            long truncatedAt = JournalRepair.cutTail(channel, file, scan);
            List<Long> skipped = JournalRepair.skipped(file, scan);
            this.index = scan.index();
            this.end = scan.validEnd();
            long next = Math.max(floor, scan.lastId() + 1);
            if (damaged) {
                next = Math.max(next, marks.ceiling(ID_KEY) + 1);
                log.error(
                        "journal {}: damaged; original copied to {}; {} valid records kept; ids continue at {}",
                        file,
                        copy,
                        index.size(),
                        next);
            }
            this.nextId = next;
            this.recovery = new JournalRecovery(
                    index.size(), truncatedAt, truncatedAt < 0 ? 0 : size - truncatedAt, skipped, stale, damaged, copy);
            if (!skipped.isEmpty()) {
                compact(r -> true); // rewrite without the corrupt bytes (the copy keeps them for inspection)
            }
        } catch (IOException | RuntimeException e) {
            fileLock.release();
            channel.close();
            throw e;
        }
        this.groupCommit = options.fsync() == FsyncPolicy.BATCH
                ? options.scheduler()
                        .scheduleAtFixedRate(options.batchInterval(), options.batchInterval(), this::groupCommit)
                : () -> {};
    }

    /** Opens (creating if absent) the journal at {@code file}, recovering it as described above. */
    public static Journal open(Path file, JournalOptions options) throws IOException {
        return new Journal(file, options);
    }

    /**
     * Appends one record and returns its id once the bytes are written to the OS (and fsynced, under
     * {@link FsyncPolicy#ALWAYS}). Ids are strictly increasing and never reused.
     */
    public long append(byte[] payload) throws IOException {
        lock.lock();
        try {
            long id = appendLocked(payload);
            options.health().ok(file);
            return id;
        } catch (IOException e) {
            if (!closed) {
                options.health().failed(file, e);
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private long appendLocked(byte[] payload) throws IOException {
        ensureOpen();
        long id = nextId;
        ByteBuffer frame = JournalFormat.frame(id, payload);
        marks.reserve(ID_KEY, id);
        long at = end;
        long p = at;
        try {
            while (frame.hasRemaining()) {
                p += channel.write(frame, p);
            }
        } catch (IOException e) {
            discardPartialFrame(at);
            throw e;
        }
        if (options.fsync() == FsyncPolicy.ALWAYS) {
            channel.force(false);
        } else {
            dirty = true;
        }
        end = p;
        nextId = id + 1;
        index.add(id, at);
        return id;
    }

    /** Best effort after a failed write (e.g. disk full): cut the partial frame so the file ends cleanly again. */
    private void discardPartialFrame(long at) {
        try {
            if (channel.size() > at) {
                channel.truncate(at);
            }
        } catch (IOException e) {
            log.warn(
                    "journal {}: could not cut a partial frame at offset {} (recovery will): {}",
                    file,
                    at,
                    e.toString());
        }
    }

    /**
     * The reserved ceiling of counter {@code key} (see {@link HighWaterMarks}): every value of it handed out
     * so far is {@code <=} this; 0 if none was reserved.
     */
    public long ceiling(String key) {
        lock.lock();
        try {
            return marks.ceiling(key);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Call before handing out {@code value} of a counter kept in this journal's payloads (e.g. a SEL record id):
     * persists a higher ceiling when needed, so that after corruption the counter resumes above every value it
     * ever handed out. Key: 1..64 of {@code [A-Za-z0-9._-]}.
     */
    public void reserve(String key, long value) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            marks.reserve(key, value);
        } catch (IOException e) {
            options.health().failed(file, e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} records with id {@code >= fromId}, in id order. */
    public List<JournalRecord> read(long fromId, int max) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            List<JournalRecord> out = new ArrayList<>();
            for (int i = index.firstAtOrAfter(fromId); i < index.size() && out.size() < max; i++) {
                out.add(readAt(index.offset(i)));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The record with exactly this id, or null if it does not exist (never written or compacted away). */
    public JournalRecord get(long id) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            int i = index.positionOf(id);
            return i < 0 ? null : readAt(index.offset(i));
        } finally {
            lock.unlock();
        }
    }

    /** Keeps only the newest {@code n} records (crash-safe rewrite; ids are preserved). */
    public void retainLast(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        lock.lock();
        try {
            ensureOpen();
            if (index.size() <= n) {
                return;
            }
            long firstKept = n == 0 ? Long.MAX_VALUE : index.id(index.size() - n);
            compact(r -> r.id() >= firstKept);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Keeps only the records {@code keep} accepts (crash-safe: temp file, fsync, atomic rename, directory
     * fsync). Ids are preserved and the next id is unchanged.
     */
    public void compact(Predicate<JournalRecord> keep) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            Path tmp = compactFile(file);
            Files.deleteIfExists(tmp); // left by a compaction that failed earlier in this process
            JournalIndex newIndex = new JournalIndex();
            try (FileChannel out = FileChannel.open(
                    tmp,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    AtomicFiles.ownerOnly())) {
                long p = writeFully(out, JournalFormat.header(nextId), 0);
                for (int i = 0; i < index.size(); i++) {
                    JournalRecord r = readAt(index.offset(i));
                    if (keep.test(r)) {
                        newIndex.add(r.id(), p);
                        p = writeFully(out, JournalFormat.frame(r.id(), r.payload()), p);
                    }
                }
                out.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(tmp); // e.g. disk full: give the space back, the journal is unchanged
                throw e;
            }
            AtomicFiles.moveIntoPlace(tmp, file);
            FileChannel old = channel;
            FileLock oldLock = fileLock;
            openChannel(false);
            oldLock.release();
            old.close();
            int before = index.size();
            index = newIndex;
            end = channel.size();
            dirty = false;
            log.debug("journal {}: compacted {} -> {} records", file, before, newIndex.size());
        } finally {
            lock.unlock();
        }
    }

    /** fsyncs now, whatever the policy. */
    public void sync() throws IOException {
        lock.lock();
        try {
            ensureOpen();
            channel.force(false);
            dirty = false;
        } finally {
            lock.unlock();
        }
    }

    /** The id the next append will get. */
    public long nextId() {
        lock.lock();
        try {
            return nextId;
        } finally {
            lock.unlock();
        }
    }

    /** Number of readable records. */
    public int size() {
        lock.lock();
        try {
            return index.size();
        } finally {
            lock.unlock();
        }
    }

    /** What {@link #open} found and repaired. */
    public JournalRecovery recovery() {
        return recovery;
    }

    /** How appends are made durable. */
    public JournalOptions options() {
        return options;
    }

    public Path file() {
        return file;
    }

    /** Stops the group commit, fsyncs if anything is unsynced, releases the file. Idempotent. */
    @Override
    public void close() throws IOException {
        groupCommit.cancel();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (dirty && options.fsync() != FsyncPolicy.NEVER) {
                channel.force(false);
            }
            fileLock.release();
            channel.close();
        } finally {
            lock.unlock();
        }
    }

    private void groupCommit() {
        lock.lock();
        try {
            if (!closed && dirty) {
                channel.force(false);
                dirty = false;
            }
        } catch (IOException e) {
            log.error("journal {}: group-commit fsync failed", file, e);
        } finally {
            lock.unlock();
        }
    }

    private JournalRecord readAt(long offset) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(JournalFormat.FRAME_OVERHEAD);
        JournalScan.readFully(channel, head, offset);
        ByteBuffer body = ByteBuffer.allocate(head.getInt(0));
        JournalScan.readFully(channel, body, offset + JournalFormat.FRAME_OVERHEAD);
        long id = body.getLong();
        byte[] payload = new byte[body.remaining()];
        body.get(payload);
        return new JournalRecord(id, payload);
    }

    private void openChannel(boolean create) throws IOException {
        Set<java.nio.file.OpenOption> open = new java.util.HashSet<>(
                Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        if (create) {
            open.add(StandardOpenOption.CREATE);
        }
        FileChannel ch = FileChannel.open(file, open, AtomicFiles.ownerOnly());
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                throw new IOException("journal " + file + " is open in another process");
            }
            fileLock = l;
        } catch (OverlappingFileLockException e) {
            ch.close();
            throw new IOException("journal " + file + " is already open in this process", e);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        channel = ch;
    }

    private static long readHeader(FileChannel ch, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(JournalFormat.HEADER_SIZE);
        if (ch.size() < JournalFormat.HEADER_SIZE) {
            throw new IOException("journal " + file + ": header missing (" + ch.size() + " bytes)");
        }
        JournalScan.readFully(ch, b, 0);
        long floor = JournalFormat.parseHeader(b);
        if (floor < 0) {
            throw new IOException("journal " + file + ": not a bmc-agent journal (bad header)");
        }
        return floor;
    }

    private static long writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
        return p;
    }

    private static Path compactFile(Path file) {
        return file.resolveSibling(file.getFileName() + COMPACT_SUFFIX);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("journal " + file + " is closed");
        }
    }
}
