package dev.bmcagent.ipmi.session;

/**
 * Inbound session sequence number check (IPMI 2.0 §6.12.13 and §13.28.2): a number is accepted when it lies
 * within {@link #WINDOW} of the highest number seen so far and was not seen before; replays and numbers
 * outside the window are rejected. Zero is never valid inside a session. Not thread-safe.
 */
public final class SequenceWindow {
    /** Accepted distance below and above the highest number received. */
    public static final int WINDOW = 16;

    private long highest = -1;
    /** Bit i set: number {@code highest - i} was received (bit 0 is {@code highest} itself). */
    private long seen;

    /** Records and accepts {@code sequence}, or returns false for a replay or an out-of-window number. */
    public boolean accept(int sequence) {
        long s = Integer.toUnsignedLong(sequence);
        if (s == 0) {
            return false;
        }
        if (highest < 0) {
            highest = s;
            seen = 1;
            return true;
        }
        long delta = s - highest;
        if (delta > 0) {
            if (delta > WINDOW) {
                return false;
            }
            seen = seen << delta | 1;
            highest = s;
            return true;
        }
        long back = -delta;
        if (back >= WINDOW) {
            return false;
        }
        long bit = 1L << back;
        if ((seen & bit) != 0) {
            return false;
        }
        seen |= bit;
        return true;
    }
}
