package dev.bmcagent.ipmi.sdr;

/**
 * Raw threshold values of a threshold sensor (IPMI 2.0 §43.1 bytes 37-42); {@link #NONE} marks an absent one.
 * Comparisons are on raw unsigned readings (all sensors here use unsigned analog data format).
 */
public record Thresholds(int lnc, int lcr, int lnr, int unc, int ucr, int unr) {
    public static final int NONE = -1;
    public static final Thresholds ABSENT = new Thresholds(NONE, NONE, NONE, NONE, NONE, NONE);

    public Thresholds {
        for (int v : new int[] {lnc, lcr, lnr, unc, ucr, unr}) {
            if (v < NONE || v > 0xFF) {
                throw new IllegalArgumentException("threshold out of range: " + v);
            }
        }
    }

    public static Thresholds upper(int unc, int ucr, int unr) {
        return new Thresholds(NONE, NONE, NONE, unc, ucr, unr);
    }

    public static Thresholds lower(int lnc, int lcr, int lnr) {
        return new Thresholds(lnc, lcr, lnr, NONE, NONE, NONE);
    }

    /** Readable-threshold mask: bit 0 LNC, 1 LCR, 2 LNR, 3 UNC, 4 UCR, 5 UNR (§35.9). */
    public int mask() {
        int m = 0;
        int[] v = values();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != NONE) {
                m |= 1 << i;
            }
        }
        return m;
    }

    /** Values in mask order (LNC, LCR, LNR, UNC, UCR, UNR). */
    public int[] values() {
        return new int[] {lnc, lcr, lnr, unc, ucr, unr};
    }

    /**
     * Threshold comparison status of a raw reading (Get Sensor Reading byte 3, §35.14): a lower bit is set at
     * or below its threshold, an upper bit at or above.
     */
    public int status(int raw) {
        int s = 0;
        int[] v = values();
        for (int i = 0; i < 3; i++) {
            if (v[i] != NONE && raw <= v[i]) {
                s |= 1 << i;
            }
        }
        for (int i = 3; i < 6; i++) {
            if (v[i] != NONE && raw >= v[i]) {
                s |= 1 << i;
            }
        }
        return s;
    }

    /**
     * Assertion event bits (§42.2 table 42-2 order: 0 LNC going low, 2 LCR going low, 4 LNR going low,
     * 7 UNC going high, 9 UCR going high, 11 UNR going high) supported by these thresholds.
     */
    public int eventMask() {
        int m = mask();
        int e = 0;
        int[] bits = {0, 2, 4, 7, 9, 11};
        for (int i = 0; i < 6; i++) {
            if ((m & 1 << i) != 0) {
                e |= 1 << bits[i];
            }
        }
        return e;
    }

    /** Assertion bits for the thresholds a raw reading has crossed (same bit order as {@link #eventMask()}). */
    public int assertedEvents(int raw) {
        int s = status(raw);
        int e = 0;
        int[] bits = {0, 2, 4, 7, 9, 11};
        for (int i = 0; i < 6; i++) {
            if ((s & 1 << i) != 0) {
                e |= 1 << bits[i];
            }
        }
        return e;
    }
}
