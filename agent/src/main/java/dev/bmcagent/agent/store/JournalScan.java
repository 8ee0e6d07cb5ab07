package dev.bmcagent.agent.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal file from the header to the end, verifying every frame. Recovery rules:
 * <ul>
 *   <li><b>Torn tail</b>: a frame that is incomplete, has an impossible length, or fails its CRC and is
 *   not followed by a valid frame ends the journal; the caller truncates the file there. This is what
 *   a crash in the middle of a write leaves behind (and what a power cut leaves without fsync).</li>
 *   <li><b>Corrupt frame in the middle</b>: a frame with a plausible length whose CRC (or id order)
 *   fails, but which is immediately followed by a valid frame, is skipped: it stays on disk until the
 *   next compaction, is never returned by reads, and is reported in {@link #skippedOffsets()}. A crash
 *   cannot produce this (appends only ever extend the file); it means the medium flipped bits, and
 *   keeping the valid records after it loses less than truncating.</li>
 * </ul>
 */
final class JournalScan {
    private final JournalIndex index = new JournalIndex();
    private final List<Long> skippedOffsets = new ArrayList<>();
    private long lastId;
    private long validEnd;

    private JournalScan() {
    }

    static JournalScan scan(FileChannel channel) throws IOException {
        JournalScan s = new JournalScan();
        s.lastId = 0;
        long size = channel.size();
        long pos = JournalFormat.HEADER_SIZE;
        while (pos < size) {
            Frame f = readFrame(channel, pos, size);
            if (f == null) {
                break; // incomplete or impossible length: torn tail
            }
            if (f.crcOk && f.id > s.lastId) {
                s.index.add(f.id, pos);
                s.lastId = f.id;
                pos = f.end;
                continue;
            }
            Frame next = f.end < size ? readFrame(channel, f.end, size) : null;
            if (next != null && next.crcOk && next.id > s.lastId) {
                s.skippedOffsets.add(pos);
                pos = f.end;
                continue;
            }
            break; // bad last frame: torn tail
        }
        s.validEnd = pos;
        return s;
    }

    private static Frame readFrame(FileChannel channel, long pos, long size) throws IOException {
        if (size - pos < JournalFormat.FRAME_OVERHEAD) {
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(JournalFormat.FRAME_OVERHEAD);
        readFully(channel, head, pos);
        int bodyLength = head.getInt(0);
        int crc = head.getInt(4);
        if (!JournalFormat.plausibleBodyLength(bodyLength)
                || size - pos - JournalFormat.FRAME_OVERHEAD < bodyLength) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(bodyLength);
        readFully(channel, body, pos + JournalFormat.FRAME_OVERHEAD);
        boolean ok = JournalFormat.crc(body.array(), 0, bodyLength) == crc;
        return new Frame(body.getLong(0), ok, pos + JournalFormat.FRAME_OVERHEAD + bodyLength);
    }

    static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long p = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, p);
            if (n < 0) {
                throw new IOException("unexpected end of journal at offset " + p);
            }
            p += n;
        }
        into.flip();
    }

    JournalIndex index() {
        return index;
    }

    /** Highest valid id found (0 if none). */
    long lastId() {
        return lastId;
    }

    /** Offset just after the last good frame: where the file is cut if it is longer. */
    long validEnd() {
        return validEnd;
    }

    List<Long> skippedOffsets() {
        return List.copyOf(skippedOffsets);
    }

    private record Frame(long id, boolean crcOk, long end) {
    }
}
