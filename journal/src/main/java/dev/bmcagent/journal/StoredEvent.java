package dev.bmcagent.journal;

import java.util.Arrays;

/**
 * One record of an {@link EventLog}: which host it belongs to, its sequence number (global across hosts,
 * strictly increasing, never reused), whether it started a cycle, and an opaque payload. Immutable
 * (the payload is copied).
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record StoredEvent(int host, long sequence, boolean startsCycle, byte[] payload) {
    public StoredEvent {
        if (host < 0) {
            throw new IllegalArgumentException("host must be >= 0, got " + host);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, got " + sequence);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEvent e
                && e.host == host
                && e.sequence == sequence
                && e.startsCycle == startsCycle
                && Arrays.equals(e.payload, payload);
    }

    @Override
    public int hashCode() {
        return ((Integer.hashCode(host) * 31 + Long.hashCode(sequence)) * 31 + Boolean.hashCode(startsCycle)) * 31
                + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "StoredEvent[host=" + host + ", sequence=" + sequence + (startsCycle ? ", starts cycle, " : ", ")
                + payload.length + " bytes]";
    }
}
