package dev.bmcagent.ipmi.sel;

/**
 * What Get SEL Info reports (IPMI 2.0 §31.2).
 *
 * @param entries           number of records
 * @param freeBytes         free space in bytes (16 per record)
 * @param lastAddTimestamp  most recent addition (seconds), FFFFFFFFh if none
 * @param lastEraseTimestamp most recent erase/clear (seconds), FFFFFFFFh if none
 * @param overflow          a record was dropped because the SEL was full
 */
public record SelInfo(int entries, int freeBytes, long lastAddTimestamp, long lastEraseTimestamp, boolean overflow) {
    /** "Unspecified" timestamp value (IPMI 2.0 §31.2: FFFFFFFFh when never added/erased). */
    public static final long NEVER = 0xFFFFFFFFL;

    public SelInfo {
        if (entries < 0 || entries > 0xFFFF || freeBytes < 0 || freeBytes > 0xFFFF) {
            throw new IllegalArgumentException("entries/free out of range");
        }
    }
}
