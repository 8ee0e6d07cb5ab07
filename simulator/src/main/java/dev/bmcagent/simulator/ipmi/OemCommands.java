package dev.bmcagent.simulator.ipmi;

/**
 * The project's OEM commands on NetFn 30h that a host uses (documented in docs/SIMULATOR.md and
 * docs/HOST-INTERFACE.md). All are system-interface only.
 */
public final class OemCommands {
    /** Report POST Code: data = code LSB [, code MSB]. */
    public static final int REPORT_POST_CODE = 0x10;
    /**
     * Report Boot Order, in chunks: data = total option count, index of the chunk's first option, then its boot
     * option descriptions as length-prefixed ASCII (each chunk at most 255 bytes; see HostMessages).
     */
    public static final int REPORT_BOOT_ORDER = 0x11;
    /**
     * Get Pending Boot Order, in chunks: data = index of the first pattern wanted (none: 0); response = total pattern
     * count (00h: nothing pending), the pending order's revision, index of the response's first pattern, then whole
     * declared patterns (Java regular expressions matched against the whole option description) as length-prefixed
     * ASCII (at most 254 bytes per response; read with PendingOrderReader).
     */
    public static final int GET_PENDING_BOOT_ORDER = 0x12;
    /** Acknowledge Boot Order: data = status (00h written to NVRAM, 01h ignored: forced priority). */
    public static final int ACK_BOOT_ORDER = 0x13;

    /**
     * Report Memory: data = usable memory in MiB (LE32), DIMMs initialised, DIMMs expected (6 bytes). Sent once
     * per POST, after the SPD reads.
     */
    public static final int REPORT_MEMORY = 0x14;

    /** Acknowledge status: the declared order was written to BootOrder. */
    public static final int ACK_APPLIED = 0x00;
    /** Acknowledge status: the firmware ignores BootOrder changes (forced priority). */
    public static final int ACK_IGNORED_FORCED_PRIORITY = 0x01;

    private OemCommands() {
    }
}
