package dev.bmcagent.mqtt.telemetry;

import java.util.TreeSet;

/**
 * The publisher's position in one host's event history: what the broker acknowledged, what is in flight, what to
 * send next, and which retained documents need republishing. Confined to the publisher's worker thread.
 */
final class HostCursor {
    /** Every sequence up to here was acknowledged by the broker. */
    long acked;
    /** The next sequence to send. */
    long next;
    /** The highest sequence sent so far. */
    long sent;

    boolean stateDirty = true;
    boolean alertsDirty = true;
    private final TreeSet<Long> inflight = new TreeSet<>();

    HostCursor(long acked) {
        this.acked = acked;
        this.next = acked + 1;
        this.sent = acked;
    }

    void sending(long sequence) {
        next = sequence + 1;
        sent = Math.max(sent, sequence);
        inflight.add(sequence);
        stateDirty = true;
    }

    /** The broker acknowledged {@code sequence}; true when that advanced {@link #acked}. */
    boolean acknowledged(long sequence) {
        inflight.remove(sequence);
        long now = inflight.isEmpty() ? next - 1 : inflight.first() - 1;
        if (now > acked) {
            acked = now;
            return true;
        }
        return false;
    }

    /**
     * The connection was lost: everything not acknowledged is sent again, and so are the last {@code replay}
     * acknowledged events — a broker without persistence that goes down may have acknowledged them without
     * delivering them to subscribers. Subscribers drop the duplicates by sequence number.
     */
    void resendUnacknowledged(long replay) {
        inflight.clear();
        next = Math.max(1, acked + 1 - replay);
    }

    /**
     * Skips the events older than {@code oldestKept} (backlog bound); returns how many were skipped.
     * The retained documents are republished so the current state is never lost.
     */
    long skipTo(long oldestKept) {
        if (next >= oldestKept) {
            return 0;
        }
        long skipped = oldestKept - next;
        next = oldestKept;
        if (inflight.isEmpty()) {
            acked = Math.max(acked, oldestKept - 1);
        }
        stateDirty = true;
        alertsDirty = true;
        return skipped;
    }
}
