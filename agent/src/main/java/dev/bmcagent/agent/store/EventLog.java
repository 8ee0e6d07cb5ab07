package dev.bmcagent.agent.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Per-host history (boot cycles, POST codes, telemetry outbox): opaque payloads, each with a host index
 * and a global sequence number. Keeps the newest {@code capacityPerHost} records of every host (OpenBMC
 * keeps 100 boot cycles of POST codes); older ones are no longer readable.
 *
 * <p>Asynchronous by contract: a write is acknowledged when its future completes. The implementations
 * here complete it before returning (the disk write takes microseconds) but callers must not rely on that.
 * Invalid arguments (a negative host, a null payload) throw at once; I/O failures fail the future.
 * MQTT uses {@link #readFrom} as an outbox: remember the last published sequence, read from the next one.
 */
public interface EventLog extends AutoCloseable {

    /** Appends; completes with the new sequence number once the record is durable (see {@link Journal}). */
    CompletableFuture<Long> append(int host, byte[] payload);

    /** Up to {@code max} retained records of all hosts with sequence {@code >= fromSequence}, in order. */
    CompletableFuture<List<StoredEvent>> readFrom(long fromSequence, int max);

    /** Up to {@code max} retained records of {@code host} with sequence {@code >= fromSequence}, in order. */
    CompletableFuture<List<StoredEvent>> readHost(int host, long fromSequence, int max);

    /** Highest sequence number handed out so far (0 if none). */
    long lastSequence();

    /** The retention limit per host. */
    int capacityPerHost();

    @Override
    void close();
}
