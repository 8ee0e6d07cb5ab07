package dev.bmcagent.ipmi.command.chassis;

import java.util.Objects;

/**
 * The boot-options rule that is not storage, in one place for every {@link BootOptionsStore}: a one-time boot is
 * consumed when BIOS/POST acknowledges the boot info. When a write of parameter 4 leaves bit 0 clear (the host writes
 * {@code 04 01 00}; {@code ipmitool chassis bootdev} sets it with {@code 04 01 01}) and the boot flags are valid and
 * not persistent, the valid bit is cleared (IPMI 2.0 §28.13 table 28-14, parameters 4 and 5).
 */
public final class BootOptionsRules {
    /** Parameter 4 bit 0: 1b boot info unacknowledged by BIOS/POST, 0b acknowledged. */
    public static final int ACK_BIOS_POST = 0x01;

    private BootOptionsRules() {}

    /** The boot flags once parameter 4 reads {@code acknowledge}: the same instance when the rule does not apply. */
    public static BootFlags afterAcknowledge(int acknowledge, BootFlags flags) {
        Objects.requireNonNull(flags, "flags");
        return (acknowledge & ACK_BIOS_POST) == 0 && flags.valid() && !flags.persistent() ? flags.invalidated() : flags;
    }

    /**
     * Writes parameter 4 to {@code store} with the rule applied. The flags are written first: a crash between the two
     * writes leaves the one-time boot consumed (never repeated) with the acknowledge still to be written again.
     */
    public static void acknowledge(BootOptionsStore store, int acknowledge) {
        BootFlags before = store.bootFlags();
        BootFlags after = afterAcknowledge(acknowledge, before);
        if (!after.equals(before)) {
            store.bootFlags(after);
        }
        store.bootInfoAcknowledge(acknowledge);
    }
}
