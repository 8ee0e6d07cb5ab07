package dev.bmcagent.ipmi.sel;

/**
 * A repository reservation (IPMI 2.0 §31.4 for the SEL, §33.11 for the SDR): each Reserve returns a new
 * non-zero ID and cancels the previous one; erase and delete cancel it too. Thread-safe.
 */
public final class Reservation {
    private int current;
    private int last;

    /** Reserves and returns the new ID (0001h-FFFFh, never 0000h). */
    public synchronized int reserve() {
        last = last >= 0xFFFF ? 1 : last + 1;
        current = last;
        return current;
    }

    /** True if {@code id} is the live reservation. */
    public synchronized boolean isValid(int id) {
        return id != 0 && id == current;
    }

    public synchronized void cancel() {
        current = 0;
    }
}
