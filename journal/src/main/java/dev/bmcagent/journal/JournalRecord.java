package dev.bmcagent.journal;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One record read back from a {@link Journal}: its id (assigned at append, never reused) and payload.
 * The payload array is copied in and out; the record is immutable.
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record JournalRecord(long id, byte[] payload) {
    public JournalRecord {
        if (id < 1) {
            throw new IllegalArgumentException("journal ids start at 1, got " + id);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Payload length without copying. */
    public int length() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalRecord r && r.id == id && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String head = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 16));
        return "JournalRecord[id=" + id + ", " + payload.length + " bytes: " + head
                + (payload.length > 16 ? "...]" : "]");
    }
}
