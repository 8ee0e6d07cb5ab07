package dev.bmcagent.ipmi.sel;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One 16-byte SEL record (IPMI 2.0 §32). Bytes 1-2 record ID (LS first), byte 3 record type, then for
 * timestamped types (02h system event, C0h-DFh timestamped OEM) a 4-byte LS-first timestamp and 9 bytes of
 * content; for non-timestamped OEM types (E0h-FFh) 13 bytes of content. Encode and decode are pure.
 *
 * @param recordId   0001h-FFFEh once stored (0000h before the store assigns one)
 * @param recordType 02h, C0h-FFh
 * @param timestamp  seconds since 1970 (unsigned 32 bit), 0 for non-timestamped types
 * @param content    9 bytes (timestamped types) or 13 bytes (E0h-FFh); defensively copied
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record SelRecord(int recordId, int recordType, long timestamp, byte[] content) {
    public static final int LENGTH = 16;
    public static final int TYPE_SYSTEM_EVENT = 0x02;
    /** Timestamps below this print as "Pre-Init" in ipmitool (IPMI 2.0 §37, 0x20000000). */
    public static final long PRE_INIT_LIMIT = 0x20000000L;

    public SelRecord {
        if (recordId < 0 || recordId > 0xFFFF) {
            throw new IllegalArgumentException("record id out of range: " + recordId);
        }
        if (recordType != TYPE_SYSTEM_EVENT && (recordType < 0xC0 || recordType > 0xFF)) {
            throw new IllegalArgumentException("unsupported SEL record type: " + recordType);
        }
        if (timestamp < 0 || timestamp > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("timestamp out of range: " + timestamp);
        }
        Objects.requireNonNull(content, "content");
        int expected = isTimestamped(recordType) ? 9 : 13;
        if (content.length != expected) {
            throw new IllegalArgumentException("type " + recordType + " needs " + expected + " content bytes");
        }
        if (!isTimestamped(recordType) && timestamp != 0) {
            throw new IllegalArgumentException("non-timestamped OEM record with a timestamp");
        }
        content = content.clone();
    }

    /** A system event record (type 02h) from its event fields. */
    public static SelRecord of(int recordId, long timestamp, SystemEvent event) {
        return new SelRecord(recordId, TYPE_SYSTEM_EVENT, timestamp, event.encode());
    }

    public static boolean isTimestamped(int recordType) {
        return recordType < 0xE0;
    }

    public boolean timestamped() {
        return isTimestamped(recordType);
    }

    public boolean isSystemEvent() {
        return recordType == TYPE_SYSTEM_EVENT;
    }

    /** The event fields of a type 02h record. */
    public SystemEvent event() {
        if (!isSystemEvent()) {
            throw new IllegalStateException("not a system event record: type " + recordType);
        }
        return SystemEvent.decode(content, 0);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public SelRecord withId(int id) {
        return new SelRecord(id, recordType, timestamp, content);
    }

    public SelRecord withTimestamp(long seconds) {
        return timestamped() ? new SelRecord(recordId, recordType, seconds, content) : this;
    }

    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        out[0] = (byte) recordId;
        out[1] = (byte) (recordId >>> 8);
        out[2] = (byte) recordType;
        int pos = 3;
        if (timestamped()) {
            for (int i = 0; i < 4; i++) {
                out[pos++] = (byte) (timestamp >>> (8 * i));
            }
        }
        System.arraycopy(content, 0, out, pos, content.length);
        return out;
    }

    public static SelRecord decode(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("SEL record must be 16 bytes, got " + bytes.length);
        }
        int id = (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8;
        int type = bytes[2] & 0xFF;
        if (!isTimestamped(type)) {
            return new SelRecord(id, type, 0, Arrays.copyOfRange(bytes, 3, LENGTH));
        }
        long ts = 0;
        for (int i = 0; i < 4; i++) {
            ts |= (long) (bytes[3 + i] & 0xFF) << (8 * i);
        }
        return new SelRecord(id, type, ts, Arrays.copyOfRange(bytes, 7, LENGTH));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelRecord r
                && r.recordId == recordId
                && r.recordType == recordType
                && r.timestamp == timestamp
                && Arrays.equals(r.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, recordType, timestamp, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "SelRecord[" + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(encode()) + "]";
    }
}
