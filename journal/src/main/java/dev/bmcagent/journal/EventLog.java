package dev.bmcagent.journal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Per-host history (boot cycles, POST codes, telemetry outbox): opaque payloads, each with a host index
 * and a global sequence number.
 *
 * <p><b>Retention by cycle.</b> Records are grouped into cycles: {@link #append} starts a new cycle,
 * {@link #appendToCycle} adds to the host's current one. Each host keeps its newest
 * {@code capacityPerHost} cycles (OpenBMC keeps the POST codes of the last 100 boot cycles); older
 * cycles are no longer readable. A boot-history writer calls {@code append} at power-on and
 * {@code appendToCycle} for the transitions and codes that follow; a writer that only calls
 * {@code append} gets "the newest N records per host".
 *
 * <p>Asynchronous by contract: a write is acknowledged when its future completes. The implementations
 * here complete it before returning (the disk write takes microseconds) but callers must not rely on that.
 * Invalid arguments (a negative host, a null payload) throw at once; I/O failures fail the future.
 * MQTT uses {@link #readFrom} as an outbox: remember the last published sequence, read from the next one.
 */
public interface EventLog extends AutoCloseable {

    /**
     * Appends a record that starts a new cycle of {@code host}; completes with its sequence number once
     * the record is durable (see {@link Journal}).
     */
    CompletableFuture<Long> append(int host, byte[] payload);

    /**
     * Appends a record to the current cycle of {@code host} (starts one if the host has none yet);
     * completes with its sequence number once durable.
     */
    CompletableFuture<Long> appendToCycle(int host, byte[] payload);

    /** Up to {@code max} retained records of all hosts with sequence {@code >= fromSequence}, in order. */
    CompletableFuture<List<StoredEvent>> readFrom(long fromSequence, int max);

    /** Up to {@code max} retained records of {@code host} with sequence {@code >= fromSequence}, in order. */
    CompletableFuture<List<StoredEvent>> readHost(int host, long fromSequence, int max);

    /** Highest sequence number handed out so far (0 if none). */
    long lastSequence();

    /**
     * Call before handing out {@code value} of a counter kept in the payloads (e.g. a host's event sequence number):
     * persists a high-water mark so that, if records are later lost to corruption, the counter resumes above every
     * value it ever handed out (see {@link Journal#reserve}). Memory-only logs need nothing. Throws
     * {@link java.io.UncheckedIOException} when the mark cannot be written (the value must then not be used).
     */
    default void reserve(String key, long value) {}

    /**
     * When this log was recovered from a damaged file: the high-water mark of {@code key} (every value ever handed
     * out is {@code <=} it); otherwise 0.
     */
    default long recoveredCeiling(String key) {
        return 0;
    }

    /** The retention limit per host, in cycles. */
    int capacityPerHost();

    @Override
    void close();
}
