package dev.bmcagent.simulator.ipmi;

import dev.bmcagent.ipmi.command.oem.PendingOrder;
import dev.bmcagent.ipmi.command.oem.PendingOrderChunk;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the simulated firmware reads the pending declared order over 30h/12h (docs/HOST-INTERFACE.md "Get Pending Boot
 * Order in chunks"): from index 0, then from the number of patterns read so far, until it has the total. When the
 * revision or total changes between two responses, or a later index is refused with C9h (the order shrank), the
 * order changed mid-read: start again from index 0, at most {@link #MAX_TRIES} reads in all, then give up, as a real
 * firmware would, and apply nothing.
 */
public final class PendingOrderReader {
    /** Whole reads from index 0 before giving up. */
    public static final int MAX_TRIES = 3;

    private PendingOrderReader() {}

    /**
     * Returns the pending order with its revision (no patterns: nothing pending), which the host echoes in its
     * acknowledge (13h); empty when a response failed or was malformed, or the order kept changing.
     *
     * @param send sends one request to the BMC and returns its response
     */
    public static Optional<PendingOrder> read(Function<HostRequest, IpmiResponse> send) {
        tries:
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            Optional<PendingOrderChunk> head =
                    HostResponses.pendingOrderChunk(send.apply(HostMessages.getPendingBootOrder(0)));
            if (head.isEmpty() || head.get().first() != 0) {
                return Optional.empty();
            }
            List<String> patterns = new ArrayList<>(head.get().patterns());
            while (patterns.size() < head.get().total()) {
                IpmiResponse r = send.apply(HostMessages.getPendingBootOrder(patterns.size()));
                if (r.completionCode().equals(CompletionCode.PARAMETER_OUT_OF_RANGE)) {
                    continue tries;
                }
                Optional<PendingOrderChunk> next = HostResponses.pendingOrderChunk(r);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                PendingOrderChunk chunk = next.get();
                if (chunk.revision() != head.get().revision()
                        || chunk.total() != head.get().total()) {
                    continue tries;
                }
                if (chunk.first() != patterns.size() || chunk.patterns().isEmpty()) {
                    return Optional.empty(); // not the chunk asked for, or no progress: a broken BMC
                }
                patterns.addAll(chunk.patterns());
            }
            return Optional.of(new PendingOrder(head.get().revision(), patterns));
        }
        return Optional.empty();
    }
}
