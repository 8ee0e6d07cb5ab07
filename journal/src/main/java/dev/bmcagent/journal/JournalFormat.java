package dev.bmcagent.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a journal file (all integers big-endian).
 *
 * <pre>
 * file   = header frame*
 * header = magic "BMCJ" (u32) | version 1 (u32) | nextIdFloor (u64) | CRC32C of the previous 16 bytes (u32)
 * frame  = length (u32) | CRC32C(body) (u32) | body
 * body   = id (u64) | payload (length - 8 bytes)
 * </pre>
 *
 * The id is inside the CRC-protected body so that ids survive compaction; {@code nextIdFloor} is the
 * smallest id the file may hand out next, so that ids are never reused even when compaction removed
 * every record.
 */
final class JournalFormat {
    static final int MAGIC = 0x424D434A; // "BMCJ"
    static final int VERSION = 1;
    static final int HEADER_SIZE = 20;
    static final int FRAME_OVERHEAD = 8;
    static final int ID_SIZE = 8;
    /** Largest payload accepted; a length field above it can only be a torn or garbage frame. */
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    private JournalFormat() {}

    static ByteBuffer header(long nextIdFloor) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putLong(nextIdFloor);
        b.putInt(crc(b.array(), 0, 16));
        return b.flip();
    }

    /** The nextIdFloor of a valid header, or -1 if the bytes are not a valid version-1 header. */
    static long parseHeader(ByteBuffer b) {
        if (b.remaining() < HEADER_SIZE) {
            return -1;
        }
        byte[] h = new byte[HEADER_SIZE];
        b.get(h);
        ByteBuffer v = ByteBuffer.wrap(h);
        if (v.getInt(0) != MAGIC || v.getInt(4) != VERSION || v.getInt(16) != crc(h, 0, 16)) {
            return -1;
        }
        long floor = v.getLong(8);
        return floor >= 1 ? floor : -1;
    }

    /** A whole frame for {@code id} and {@code payload}, ready to write. */
    static ByteBuffer frame(long id, byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        int bodyLength = ID_SIZE + payload.length;
        ByteBuffer b = ByteBuffer.allocate(FRAME_OVERHEAD + bodyLength).order(ByteOrder.BIG_ENDIAN);
        b.putInt(bodyLength).putInt(0).putLong(id).put(payload);
        b.putInt(4, crc(b.array(), FRAME_OVERHEAD, bodyLength));
        return b.flip();
    }

    /** True if a length field can belong to a real frame. */
    static boolean plausibleBodyLength(int bodyLength) {
        return bodyLength >= ID_SIZE && bodyLength <= ID_SIZE + MAX_PAYLOAD;
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        return (int) c.getValue();
    }
}
