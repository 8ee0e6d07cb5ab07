package dev.bmcagent.ipmi.command.oem;

import java.util.List;

/**
 * One host's pending declared boot order as Get Pending Boot Order (30h/12h) serves it: the patterns (Java regular
 * expressions, most preferred first; empty when nothing is pending) and their revision, a byte that changes whenever
 * the pending order is set or cleared, so a host reading it in chunks sees a change between two reads.
 *
 * @param revision  00h-FFh, wraps
 * @param patterns  the declared patterns
 */
public record PendingOrder(int revision, List<String> patterns) {
    /** Nothing pending, revision 00h: an agent's state before its first declaration. */
    public static final PendingOrder NONE = new PendingOrder(0, List.of());

    public PendingOrder {
        if (revision < 0 || revision > 0xFF) {
            throw new IllegalArgumentException("revision out of range: " + revision);
        }
        patterns = List.copyOf(patterns);
    }

    /** The next revision with {@code newPatterns} pending (empty: cleared). */
    public PendingOrder next(List<String> newPatterns) {
        return new PendingOrder((revision + 1) & 0xFF, newPatterns);
    }
}
