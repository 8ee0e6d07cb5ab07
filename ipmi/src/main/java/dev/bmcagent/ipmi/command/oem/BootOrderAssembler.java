package dev.bmcagent.ipmi.command.oem;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One host's Report Boot Order (30h/11h) reassembly (docs/HOST-INTERFACE.md "Report Boot Order in chunks"). Chunks
 * arrive in order from index 0; a chunk at index 0 starts a new report (a partial one is dropped); the report is
 * complete when {@code total} options have arrived. Any rejected chunk (CCh) also discards the partial report.
 * Thread-safe: the dispatcher may call it from any thread, one host's chunks are serialised by its link.
 */
public final class BootOrderAssembler {
    /** Largest boot order a report may announce. */
    public static final int MAX_OPTIONS = 64;

    private final List<String> partial = new ArrayList<>();
    private int total = -1;

    /**
     * Adds one chunk.
     *
     * @return the whole order when this chunk completes it, else empty
     * @throws IpmiException CCh for a total over {@link #MAX_OPTIONS}, a chunk that does not continue the partial
     *                       report, or options beyond {@code total}
     */
    public synchronized Optional<List<String>> accept(int total, int first, List<String> options) {
        if (total > MAX_OPTIONS) {
            return reject("boot order of " + total + " options, at most " + MAX_OPTIONS);
        }
        if (first == 0) {
            partial.clear();
            this.total = total;
        } else if (this.total < 0 || total != this.total || first != partial.size()) {
            return reject("chunk at " + first + " of " + total + " does not continue the report (" + partial.size()
                    + " of " + this.total + " received)");
        }
        if (first + options.size() > total) {
            return reject("chunk at " + first + " carries " + options.size() + " options, total " + total);
        }
        partial.addAll(options);
        if (partial.size() < total) {
            return Optional.empty();
        }
        List<String> done = List.copyOf(partial);
        discard();
        return Optional.of(done);
    }

    /** Options received so far of an incomplete report (0 when none is in progress). */
    public synchronized int received() {
        return partial.size();
    }

    /** Drops a partial report (the command handler calls it when a chunk is malformed). */
    public synchronized void discard() {
        partial.clear();
        total = -1;
    }

    private Optional<List<String>> reject(String why) {
        discard();
        throw new IpmiException(CompletionCode.INVALID_DATA_FIELD, why);
    }
}
