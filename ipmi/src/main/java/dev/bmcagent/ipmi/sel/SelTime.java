package dev.bmcagent.ipmi.sel;

import java.time.Clock;

/** SEL time is seconds since 1970 as an unsigned 32-bit value (IPMI 2.0 §37). */
public final class SelTime {
    private SelTime() {}

    public static long seconds(Clock clock) {
        long s = clock.instant().getEpochSecond();
        return Math.max(0, Math.min(s, 0xFFFFFFFFL));
    }
}
