package dev.bmcagent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A durable key → bytes map, last writer wins, on one {@link Journal}. Every put/remove is a record;
 * the state is the replay of the journal. The snapshot is the journal itself after compaction: when
 * superseded records outnumber the live ones, the journal is rewritten (crash-safe) with only the latest
 * put of each key, so replay time stays proportional to the live state. Thread-safe.
 *
 * <pre>record = op (u8: 1 put, 2 remove) | key length (u16) | key (UTF-8) | value (rest, put only)</pre>
 */
final class KeyValueJournal implements AutoCloseable {
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final int MIN_GARBAGE_FOR_COMPACTION = 64;

    private final Journal journal;
    private final Map<String, Entry> live = new LinkedHashMap<>();
    private long garbage;

    private KeyValueJournal(Journal journal) throws IOException {
        this.journal = journal;
        long from = 0;
        for (List<JournalRecord> chunk = journal.read(from, 4096); !chunk.isEmpty(); chunk = journal.read(from, 4096)) {
            for (JournalRecord r : chunk) {
                apply(r);
            }
            from = chunk.get(chunk.size() - 1).id() + 1;
        }
    }

    static KeyValueJournal open(Path file, JournalOptions options) throws IOException {
        Journal j = Journal.open(file, options);
        try {
            return new KeyValueJournal(j);
        } catch (IOException | RuntimeException e) {
            j.close();
            throw e;
        }
    }

    synchronized void put(String key, byte[] value) throws IOException {
        put(key, value, false);
    }

    /** {@code durable}: fsynced before returning, whatever the journal's policy (security state). */
    synchronized void put(String key, byte[] value, boolean durable) throws IOException {
        JournalRecord r = write(PUT, key, value);
        apply(r);
        if (durable) {
            journal.sync();
        }
        maybeCompact();
    }

    /** Returns true if the key existed. */
    synchronized boolean remove(String key) throws IOException {
        return remove(key, false);
    }

    /** Returns true if the key existed; {@code durable} as in {@link #put(String, byte[], boolean)}. */
    synchronized boolean remove(String key, boolean durable) throws IOException {
        if (!live.containsKey(key)) {
            return false;
        }
        apply(write(REMOVE, key, new byte[0]));
        if (durable) {
            journal.sync();
        }
        maybeCompact();
        return true;
    }

    synchronized byte[] get(String key) {
        Entry e = live.get(key);
        return e == null ? null : e.value.clone();
    }

    /** A copy of the live state, in first-insertion order. */
    synchronized Map<String, byte[]> snapshot() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        live.forEach((k, e) -> out.put(k, e.value.clone()));
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        journal.close();
    }

    private JournalRecord write(byte op, String key, byte[] value) throws IOException {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (k.length == 0 || k.length > 0xFFFF) {
            throw new IllegalArgumentException("key must be 1..65535 UTF-8 bytes: '" + key + "'");
        }
        byte[] payload = ByteBuffer.allocate(3 + k.length + value.length)
                .put(op)
                .putShort((short) k.length)
                .put(k)
                .put(value)
                .array();
        long id = journal.append(payload);
        return new JournalRecord(id, payload);
    }

    private void apply(JournalRecord r) {
        ByteBuffer b = ByteBuffer.wrap(r.payload());
        byte op = b.get();
        byte[] k = new byte[Short.toUnsignedInt(b.getShort())];
        b.get(k);
        String key = new String(k, StandardCharsets.UTF_8);
        Entry previous = op == PUT
                ? live.put(key, new Entry(r.id(), Arrays.copyOfRange(r.payload(), b.position(), r.length())))
                : live.remove(key);
        if (previous != null) {
            garbage++;
        }
        if (op == REMOVE) {
            garbage++; // the remove record itself is garbage once the put it cancels is gone
        }
    }

    private void maybeCompact() throws IOException {
        if (garbage > Math.max(MIN_GARBAGE_FOR_COMPACTION, live.size())) {
            journal.compact(r -> {
                ByteBuffer b = ByteBuffer.wrap(r.payload());
                if (b.get() != PUT) {
                    return false;
                }
                byte[] k = new byte[Short.toUnsignedInt(b.getShort())];
                b.get(k);
                Entry e = live.get(new String(k, StandardCharsets.UTF_8));
                return e != null && e.id == r.id();
            });
            garbage = 0;
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    private record Entry(long id, byte[] value) {}
}
