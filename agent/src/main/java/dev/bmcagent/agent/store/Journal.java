package dev.bmcagent.agent.store;

import dev.bmcagent.agent.time.Scheduler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
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
 * <p><b>Recovery.</b> {@link #open} verifies every frame's CRC32C, cuts off a torn tail (logging the
 * file and offset), skips a corrupt frame in the middle if a valid frame follows it (see
 * {@link JournalScan}), and continues ids after the highest one found.
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

    private final Path file;
    private final JournalOptions options;
    private final JournalRecovery recovery;
    private final ReentrantLock lock = new ReentrantLock();
    private final Scheduler.Cancellable groupCommit;
    private FileChannel channel;
    private FileLock fileLock;
    private JournalIndex index;
    private long end;
    private long nextId;
    private boolean dirty;
    private boolean closed;

    private Journal(Path file, JournalOptions options) throws IOException {
        this.file = file;
        this.options = options;
        boolean stale = Files.deleteIfExists(compactFile(file));
        if (stale) {
            log.warn("journal {}: deleted an unfinished compaction file (crash during compaction)", file);
        }
        if (!Files.exists(file)) {
            AtomicFiles.write(file, JournalFormat.header(1).array(), false);
        }
        openChannel();
        try {
            long floor = readHeader(channel, file);
            JournalScan scan = JournalScan.scan(channel);
            long size = channel.size();
            long truncatedAt = -1;
            if (scan.validEnd() < size) {
                truncatedAt = scan.validEnd();
                log.warn("journal {}: torn tail at offset {} ({} bytes) truncated", file, truncatedAt,
                        size - truncatedAt);
                channel.truncate(truncatedAt);
                channel.force(true);
            }
            for (long offset : scan.skippedOffsets()) {
                log.warn("journal {}: corrupt record at offset {} skipped (CRC mismatch; valid records follow)",
                        file, offset);
            }
            this.index = scan.index();
            this.end = scan.validEnd();
            this.nextId = Math.max(floor, scan.lastId() + 1);
            this.recovery = new JournalRecovery(index.size(), truncatedAt,
                    truncatedAt < 0 ? 0 : size - truncatedAt, scan.skippedOffsets(), stale);
        } catch (IOException | RuntimeException e) {
            fileLock.release();
            channel.close();
            throw e;
        }
        this.groupCommit = options.fsync() == FsyncPolicy.BATCH
                ? options.scheduler().scheduleAtFixedRate(options.batchInterval(), options.batchInterval(),
                        this::groupCommit)
                : () -> { };
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
            ensureOpen();
            long id = nextId;
            ByteBuffer frame = JournalFormat.frame(id, payload);
            long at = end;
            long p = at;
            while (frame.hasRemaining()) {
                p += channel.write(frame, p);
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
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long p = writeFully(out, JournalFormat.header(nextId), 0);
                for (int i = 0; i < index.size(); i++) {
                    JournalRecord r = readAt(index.offset(i));
                    if (keep.test(r)) {
                        newIndex.add(r.id(), p);
                        p = writeFully(out, JournalFormat.frame(r.id(), r.payload()), p);
                    }
                }
                out.force(true);
            }
            AtomicFiles.moveIntoPlace(tmp, file);
            FileChannel old = channel;
            FileLock oldLock = fileLock;
            openChannel();
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

    private void openChannel() throws IOException {
        FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
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
