package dev.bmcagent.ipmi.lan;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the LAN server, readable by the agent's metrics. Thread-safe. */
public final class LanCounters {
    private final LongAdder received = new LongAdder();
    private final LongAdder droppedMalformed = new LongAdder();
    private final LongAdder authFailures = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder internalErrors = new LongAdder();

    public void received() {
        received.increment();
    }

    public void malformed() {
        droppedMalformed.increment();
    }

    public void authFailure() {
        authFailures.increment();
    }

    /** Well-formed but not allowed: a command outside a session, an unknown or closed session ID. */
    public void rejected() {
        rejected.increment();
    }

    /** A bug: an exception reached the processor's safety net (the datagram was dropped). */
    public void internalError() {
        internalErrors.increment();
    }

    public void answered() {
        answered.increment();
    }

    public long receivedCount() {
        return received.sum();
    }

    public long droppedMalformedCount() {
        return droppedMalformed.sum();
    }

    public long authFailureCount() {
        return authFailures.sum();
    }

    public long rejectedCount() {
        return rejected.sum();
    }

    public long internalErrorCount() {
        return internalErrors.sum();
    }

    public long answeredCount() {
        return answered.sum();
    }

    @Override
    public String toString() {
        return "LanCounters[received=" + receivedCount() + " malformed=" + droppedMalformedCount() + " authFailures="
                + authFailureCount() + " rejected=" + rejectedCount() + " internalErrors=" + internalErrorCount()
                + " answered="
                + answeredCount() + "]";
    }
}
