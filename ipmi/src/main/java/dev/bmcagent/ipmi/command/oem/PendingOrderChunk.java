package dev.bmcagent.ipmi.command.oem;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * One response of Get Pending Boot Order (30h/12h; docs/HOST-INTERFACE.md "Get Pending Boot Order in chunks"): the
 * total number of pending patterns, the pending order's revision, the index of this chunk's first pattern, then
 * whole patterns (length, ASCII) to the end of the data, at most {@link #MAX_DATA} bytes in all.
 *
 * @param total     patterns in the whole pending order, 00h = nothing pending
 * @param revision  the pending order's revision ({@link PendingOrder#revision()})
 * @param first     index (0-based) of this chunk's first pattern
 * @param patterns  this chunk's patterns
 */
public record PendingOrderChunk(int total, int revision, int first, List<String> patterns) {
    /** Largest response data after the completion code. */
    public static final int MAX_DATA = 254;
    /** total, revision, first. */
    public static final int HEADER = 3;

    public PendingOrderChunk {
        patterns = List.copyOf(patterns);
        if (total < 0
                || total > 0xFF
                || revision < 0
                || revision > 0xFF
                || first < 0
                || first > total
                || first + patterns.size() > total) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "chunk total %d revision %d first %d with %d patterns",
                    total,
                    revision,
                    first,
                    patterns.size()));
        }
    }

    /**
     * The chunk of {@code order} starting at pattern {@code first}: as many whole patterns as fit.
     *
     * @throws IpmiException C9h when {@code first} is past the total; CAh when the order has more than 255 patterns
     *                       or the pattern at {@code first} does not fit a response by itself
     */
    public static PendingOrderChunk of(PendingOrder order, int first) {
        List<String> all = order.patterns();
        if (all.size() > 0xFF) {
            throw new IpmiException(CompletionCode.CANNOT_RETURN_REQUESTED_BYTES, all.size() + " patterns pending");
        }
        if (first > all.size()) {
            throw new IpmiException(
                    CompletionCode.PARAMETER_OUT_OF_RANGE, "pattern index " + first + " past " + all.size());
        }
        int n = OemStrings.fitting(all, first, MAX_DATA - HEADER);
        if (n == 0 && first < all.size()) {
            throw new IpmiException(
                    CompletionCode.CANNOT_RETURN_REQUESTED_BYTES, "pattern " + first + " does not fit a response");
        }
        return new PendingOrderChunk(all.size(), order.revision(), first, all.subList(first, first + n));
    }

    /** The response data: total, revision, first, then (length, ASCII) per pattern. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(total);
        out.write(revision);
        out.write(first);
        OemStrings.write(out, patterns);
        return out.toByteArray();
    }

    /**
     * Reads response data.
     *
     * @throws IpmiException C7h when shorter than the header or a pattern is truncated; CCh for bytes outside
     *                       20h-7Eh, a first index past the total or patterns beyond it
     */
    public static PendingOrderChunk decode(byte[] data) {
        if (data.length < HEADER) {
            throw new IpmiException(CompletionCode.INVALID_LENGTH, "pending order chunk of " + data.length + " bytes");
        }
        int total = data[0] & 0xFF;
        int first = data[2] & 0xFF;
        List<String> patterns = OemStrings.decode(data, HEADER);
        if (first + patterns.size() > total) {
            throw new IpmiException(
                    CompletionCode.INVALID_DATA_FIELD,
                    "chunk at " + first + " carries " + patterns.size() + " patterns, total " + total);
        }
        return new PendingOrderChunk(total, data[1] & 0xFF, first, patterns);
    }
}
