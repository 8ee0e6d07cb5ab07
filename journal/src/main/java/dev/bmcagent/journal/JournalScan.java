package dev.bmcagent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a journal file from the header to the end, verifying every frame. Recovery rules:
 * <ul>
 *   <li><b>Valid frame</b>: plausible length, complete, CRC32C of the body matches, id above every id before it.</li>
 *   <li><b>Corruption</b>: at a frame that is not valid (bad CRC, a flipped bit in its length, garbage), the scan
 *   <em>resynchronises</em>: it looks at every following byte offset for the next valid frame (length, CRC and id
 *   order must all check out, so a false match needs a 32-bit CRC collision on top of a plausible length). The bytes
 *   in between are one {@link Region} of {@link #corrupt()}; every valid frame after them is kept. Appends only
 *   ever extend the file, so a crash cannot produce this: it means the medium or someone flipped bits.</li>
 *   <li><b>Tail</b>: when no valid frame follows, the rest of the file is the tail and is cut by the caller. It is
 *   {@link #tornTail() torn} (what a crash mid-append leaves) when it is a prefix of one frame: fewer than 8 bytes,
 *   a plausible length running past the end of the file, or all zeros (blocks allocated but never written before
 *   a power cut). Anything else in the tail (a complete frame with a bad CRC, garbage) is damage.</li>
 * </ul>
 */
final class JournalScan {
    private final JournalIndex index = new JournalIndex();
    private final List<Region> corrupt = new ArrayList<>();
    private long lastId;
    private long validEnd;
    private boolean tornTail = true;

    private JournalScan() {}

    /** A byte range {@code [from, to)} that held no valid frame. */
    record Region(long from, long to) {
        long length() {
            return to - from;
        }
    }

    static JournalScan scan(FileChannel channel) throws IOException {
        JournalScan s = new JournalScan();
        long size = channel.size();
        long pos = JournalFormat.HEADER_SIZE;
        while (pos < size) {
            Frame f = readFrame(channel, pos, size);
            if (f != null && f.crcOk && f.id > s.lastId) {
                s.index.add(f.id, pos);
                s.lastId = f.id;
                pos = f.end;
                continue;
            }
            long next = resync(channel, pos + 1, size, s.lastId);
            if (next < 0) {
                s.tornTail = isTornTail(channel, pos, size);
                break;
            }
            s.corrupt.add(new Region(pos, next));
            pos = next;
        }
        s.validEnd = pos;
        return s;
    }

    /** The first offset {@code >= from} where a valid frame with an id above {@code lastId} starts, or -1. */
    private static long resync(FileChannel channel, long from, long size, long lastId) throws IOException {
        if (size - from < JournalFormat.FRAME_OVERHEAD + JournalFormat.ID_SIZE) {
            return -1;
        }
        if (size - from > Integer.MAX_VALUE) {
            throw new IOException("journal region after offset " + from + " too large to resynchronise");
        }
        ByteBuffer rest = ByteBuffer.allocate((int) (size - from));
        readFully(channel, rest, from);
        int n = rest.limit();
        CRC32C crc = new CRC32C();
        for (int o = 0; o + JournalFormat.FRAME_OVERHEAD + JournalFormat.ID_SIZE <= n; o++) {
            int bodyLength = rest.getInt(o);
            if (!JournalFormat.plausibleBodyLength(bodyLength)
                    || (long) o + JournalFormat.FRAME_OVERHEAD + bodyLength > n) {
                continue;
            }
            int bodyAt = o + JournalFormat.FRAME_OVERHEAD;
            if (rest.getLong(bodyAt) <= lastId) {
                continue;
            }
            crc.reset();
            crc.update(rest.duplicate().position(bodyAt).limit(bodyAt + bodyLength));
            if ((int) crc.getValue() == rest.getInt(o + 4)) {
                return from + o;
            }
        }
        return -1;
    }

    private static boolean isTornTail(FileChannel channel, long pos, long size) throws IOException {
        if (size - pos < JournalFormat.FRAME_OVERHEAD) {
            return true;
        }
        ByteBuffer head = ByteBuffer.allocate(JournalFormat.FRAME_OVERHEAD);
        readFully(channel, head, pos);
        int bodyLength = head.getInt(0);
        if (JournalFormat.plausibleBodyLength(bodyLength) && size - pos - JournalFormat.FRAME_OVERHEAD < bodyLength) {
            return true; // an append cut short
        }
        if (size - pos > 1 << 20) {
            return false;
        }
        ByteBuffer tail = ByteBuffer.allocate((int) (size - pos));
        readFully(channel, tail, pos);
        for (int i = 0; i < tail.limit(); i++) {
            if (tail.get(i) != 0) {
                return false;
            }
        }
        return true; // zero-filled: never written
    }

    private static Frame readFrame(FileChannel channel, long pos, long size) throws IOException {
        if (size - pos < JournalFormat.FRAME_OVERHEAD) {
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(JournalFormat.FRAME_OVERHEAD);
        readFully(channel, head, pos);
        int bodyLength = head.getInt(0);
        int crc = head.getInt(4);
        if (!JournalFormat.plausibleBodyLength(bodyLength) || size - pos - JournalFormat.FRAME_OVERHEAD < bodyLength) {
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

    /** Corrupt regions in the middle of the file (valid frames follow each). */
    List<Region> corrupt() {
        return List.copyOf(corrupt);
    }

    /** True if whatever follows {@link #validEnd()} is only an append cut short (or nothing). */
    boolean tornTail() {
        return tornTail;
    }

    private record Frame(long id, boolean crcOk, long end) {}
}
